package io.jenkins.plugins.locust.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM or Ctrl-C while a command runs: the JVM runs its shutdown hooks and then halts, whatever the command was
 * doing. This hook says so, interrupts the command's thread so that the run stops through its normal path (the
 * backend's close() in a finally: processes ended, files removed), and holds the JVM until that is done, within a
 * limit. The exit code is then the signal's (143 for SIGTERM, 130 for Ctrl-C).
 */
final class ShutdownHandler {
    /** The local backend needs up to 2 × 5 s to end its processes; Kubernetes cleanup a few API calls. */
    static final Duration CLEANUP_LIMIT = Duration.ofSeconds(30);

    private static volatile boolean shuttingDown;

    private final Thread command;
    private final PrintWriter err;
    private final CountDownLatch finished = new CountDownLatch(1);

    private ShutdownHandler(Thread command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /** Installs the hook for the calling thread's command. */
    static ShutdownHandler install(PrintWriter err) {
        ShutdownHandler handler = new ShutdownHandler(Thread.currentThread(), err);
        Runtime.getRuntime().addShutdownHook(new Thread(handler::onShutdown, "loadtest-interrupted"));
        return handler;
    }

    /** True once the JVM is being shut down by a signal: whatever the command fails with, it was interrupted. */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    /** The command has returned: the hook need not wait (and System.exit may proceed). */
    void finished() {
        finished.countDown();
    }

    private void onShutdown() {
        if (finished.getCount() == 0) {
            return; // an ordinary System.exit after the command
        }
        shuttingDown = true;
        err.println("loadtest: interrupted; stopping the run and cleaning up");
        err.flush();
        command.interrupt();
        try {
            if (!finished.await(CLEANUP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                err.println("loadtest: interrupted; cleanup did not finish within " + CLEANUP_LIMIT.toSeconds() + " s");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
