package io.jenkins.plugins.locust.kubernetes.testcluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The control plane's server processes, each logging to a file in the control plane's folder. A reaper (a shell
 * loop, started first) kills them and removes the folder if this JVM dies without running its shutdown hooks, so no
 * server outlives the test JVM.
 */
final class ServerProcesses implements AutoCloseable {
    private static final String REAPER = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done;"
            + " for p in $(cat \"$2/pids\" 2>/dev/null); do kill -9 \"$p\" 2>/dev/null; done; rm -rf \"$2\"";

    private final Path binaries;
    private final Path dir;
    private final Map<String, Process> started = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Process reaper;
    private boolean closed;

    ServerProcesses(Path binaries, Path dir) throws IOException {
        this.binaries = binaries;
        this.dir = dir;
        this.reaper = new ProcessBuilder(
                        "sh",
                        "-c",
                        REAPER,
                        "reaper",
                        String.valueOf(ProcessHandle.current().pid()),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    synchronized void start(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binaries.resolve(name).toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
        started.put(name, process);
        Files.writeString(
                dir.resolve("pids"),
                process.pid() + "\n",
                StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Fails with the server's last log lines if one of them has exited. */
    void checkAlive() {
        synchronized (started) {
            for (Map.Entry<String, Process> e : started.entrySet()) {
                if (!e.getValue().isAlive()) {
                    throw new IllegalStateException(
                            e.getKey() + " exited with code " + e.getValue().exitValue() + "\n" + logTail(e.getKey()));
                }
            }
        }
    }

    String logTail(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the servers in reverse start order (SIGTERM, SIGKILL after 5 s), then the reaper, then the folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Process> reverse;
        synchronized (started) {
            reverse = new ArrayList<>(started.values());
        }
        Collections.reverse(reverse);
        reverse.forEach(Process::destroy);
        for (Process p : reverse) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        reaper.destroyForcibly();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }
}
