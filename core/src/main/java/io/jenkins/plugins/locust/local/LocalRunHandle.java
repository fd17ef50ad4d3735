package io.jenkins.plugins.locust.local;

import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.RunHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The processes of one local run. {@link #close()} ends every process tree it started (also from a JVM shutdown
 * hook, so Ctrl-C of the CLI leaves nothing behind) and removes the run's files.
 */
final class LocalRunHandle implements RunHandle {
    static final Duration GRACE = Duration.ofSeconds(5);

    private final Path workDir;
    private final BackendEvents events;
    private final List<ManagedProcess> processes = new CopyOnWriteArrayList<>();
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

    void master(ManagedProcess master) {
        processes.add(master);
        master.ended().whenComplete((code, error) -> masterExit.complete(code == null ? -1 : code));
    }

    void worker(ManagedProcess worker) {
        processes.add(worker);
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
        closing = true;
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
        if (workDir == null || !Files.exists(workDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(workDir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            events.fault("Could not delete the run's temporary files in " + workDir + ": " + e.getMessage(), false);
        }
    }
}
