package io.jenkins.plugins.locust.local;

import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.RunHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The processes of one local run. {@link #close()} ends every process tree it started (also from a JVM shutdown
 * hook, so Ctrl-C of the CLI leaves nothing behind) and removes the run's files. A process registered after
 * close() began (the launch loop racing a SIGTERM) is ended at once instead of being left behind.
 */
final class LocalRunHandle implements RunHandle {
    static final Duration GRACE = Duration.ofSeconds(5);

    private final Path workDir;
    private final BackendEvents events;
    private final List<ManagedProcess> processes = new CopyOnWriteArrayList<>();
    private final Object registration = new Object();
    private final CompletableFuture<Integer> masterExit = new CompletableFuture<>();
    private final Thread shutdownHook;
    private volatile boolean closing;
    private boolean closed;

    LocalRunHandle(Path workDir, BackendEvents events) {
        this.workDir = workDir;
        this.events = events;
        this.shutdownHook = new Thread(this::close, "loadtest-local-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @throws InterruptedException when the run is already closing: the process has been ended
     */
    void master(ManagedProcess master) throws InterruptedException {
        register(master);
        master.ended().whenComplete((code, error) -> masterExit.complete(code == null ? -1 : code));
    }

    /**
     * @throws InterruptedException when the run is already closing: the process has been ended
     */
    void worker(ManagedProcess worker) throws InterruptedException {
        register(worker);
        worker.ended().thenAccept(code -> {
            // Exit code 0 is a worker told to quit by the master; anything else during the run is a lost worker.
            if (code != 0 && !closing && !masterExit.isDone()) {
                events.fault(
                        worker.source() + " (pid " + worker.pid() + ") ended with exit code " + code
                                + " during the run; its users were not replaced.",
                        false);
            }
        });
    }

    private void register(ManagedProcess process) throws InterruptedException {
        // Locked against close() setting closing: a process is either in the list close() ends, or ended here.
        synchronized (registration) {
            if (!closing) {
                processes.add(process);
                return;
            }
        }
        // Nobody will read its result: no grace period.
        ProcessTree.of(process.handle()).forEach(ProcessHandle::destroyForcibly);
        process.closeStdin();
        throw closedWhileStarting();
    }

    /** True once close() has begun: nothing more may be started for this run. */
    boolean closing() {
        return closing;
    }

    static InterruptedException closedWhileStarting() {
        return new InterruptedException("interrupted while starting the Locust processes; the run was stopped");
    }

    List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    @Override
    public CompletableFuture<Integer> masterExit() {
        return masterExit;
    }

    @Override
    public void stop() {
        processes.stream().filter(p -> p.source().equals("master")).forEach(ManagedProcess::terminate);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (registration) {
            // From here on register() ends what the launch loop still starts.
            closing = true;
        }
        try {
            List<ProcessHandle> all = new ArrayList<>();
            processes.forEach(p -> all.addAll(ProcessTree.of(p.handle())));
            List<ProcessHandle> survivors = ProcessTree.terminate(all, GRACE);
            if (!survivors.isEmpty()) {
                events.fault(
                        "Could not end Locust processes "
                                + survivors.stream()
                                        .map(h -> String.valueOf(h.pid()))
                                        .toList() + "; end them by hand.",
                        false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processes.forEach(p -> ProcessTree.of(p.handle()).forEach(ProcessHandle::destroyForcibly));
        } finally {
            processes.forEach(ManagedProcess::closeStdin);
            deleteWorkDir();
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: this very hook may be what called close().
        }
    }

    private void deleteWorkDir() {
        if (workDir == null) {
            return;
        }
        try {
            RunDirectory.delete(workDir);
        } catch (IOException e) {
            events.fault("Could not delete the run's temporary files in " + workDir + ": " + e.getMessage(), false);
        }
    }
}
