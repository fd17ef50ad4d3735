package io.jenkins.plugins.locust.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's chromium, headless, one page per run; every process it starts is gone when {@link #run} returns. */
public final class HeadlessChromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** What one run left: the page's DOM or nothing, and the console messages Chromium logged. */
    public record Run(int exitCode, String stdout, List<String> consoleMessages) {}

    private HeadlessChromium() {}

    public static Optional<Path> find() {
        return Files.isExecutable(BINARY) ? Optional.of(BINARY) : Optional.empty();
    }

    /**
     * @param mode {@code --dump-dom} or {@code --screenshot=FILE} and the like
     * @param work a fresh folder for the profile and the output
     */
    public static Run run(String url, Path work, String... mode) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(work.resolve("profile"));
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
        command.addAll(List.of(mode));
        command.add(url);
        Path stdout = work.resolve("stdout.txt");
        Path stderr = work.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("chromium did not finish within " + TIMEOUT + ": " + command);
            }
            return new Run(process.exitValue(), Files.readString(stdout), console(Files.readAllLines(stderr)));
        } finally {
            stop(process, profile);
        }
    }

    /** Lines such as {@code [..:INFO:CONSOLE:1] "message", source: URL (1)}: what the page wrote or was refused. */
    private static List<String> console(List<String> stderr) {
        return stderr.stream().filter(line -> line.contains(":CONSOLE")).toList();
    }

    /** Kills the run's process tree, including helpers that outlived it, found by their unique profile folder. */
    private static void stop(Process process, Path profile) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        String marker = "--user-data-dir=" + profile;
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> List.of(args).contains(marker))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
