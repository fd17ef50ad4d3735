package io.jenkins.plugins.locust.local;

import io.jenkins.plugins.locust.run.BackendEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One started Locust process whose stdout and stderr are streamed line by line to {@link BackendEvents} under its
 * source name. {@link #ended()} completes with the exit code only once both streams are read to the end, so the
 * last lines (the reporter's final event) are always delivered before anyone learns that the process ended.
 */
final class ManagedProcess {
    /** How long to wait for the streams after exit (a forked child may still hold them open). */
    private static final long DRAIN_SECONDS = 5;

    private final String source;
    private final Process process;
    private final List<Thread> readers;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();

    private ManagedProcess(String source, Process process, BackendEvents events) {
        this.source = source;
        this.process = process;
        this.readers = List.of(
                reader(source, "out", process.getInputStream(), events),
                reader(source, "err", process.getErrorStream(), events));
        Thread waiter = new Thread(this::awaitEnd, "loadtest-" + source + "-exit");
        waiter.setDaemon(true);
        readers.forEach(Thread::start);
        waiter.start();
    }

    /**
     * Starts the process with a pipe on its standard input that stays open while this JVM lives: the fix file makes
     * Locust exit when it reads end of file there, so the process never outlives us (see {@link #closeStdin()}).
     */
    static ManagedProcess start(String source, ProcessBuilder builder, BackendEvents events) throws IOException {
        return new ManagedProcess(source, builder.start(), events);
    }

    String source() {
        return source;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Integer> ended() {
        return ended;
    }

    /**
     * SIGTERM to the process alone: Locust's master then stops the test and prints its final numbers. Through the
     * ProcessHandle on purpose: {@code Process.destroy()} also closes our ends of its pipes, losing those numbers.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Closes our end of its standard input, once it has ended or is being ended: Locust then exits at once. */
    void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed or broken: either way nothing is left to release.
        }
    }

    private void awaitEnd() {
        try {
            int code = process.waitFor();
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
            }
            ended.complete(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended.completeExceptionally(e);
        }
    }

    private static Thread reader(String source, String stream, InputStream in, BackendEvents events) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            deliver(events, source, line);
                        }
                    } catch (IOException e) {
                        // The stream closes when the process is killed: nothing left to read.
                    }
                },
                "loadtest-" + source + "-" + stream);
        thread.setDaemon(true);
        return thread;
    }

    private static void deliver(BackendEvents events, String source, String line) {
        try {
            events.line(source, line);
        } catch (RuntimeException e) {
            // A failing consumer must not stop the stream: the final event may still follow.
            events.fault("Could not handle a line of " + source + " (" + e + "): " + line, false);
        }
    }
}
