package io.jenkins.plugins.locust.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Ends a process and everything it forked (Locust's --processes children): SIGTERM, grace period, SIGKILL. */
final class ProcessTree {
    private ProcessTree() {}

    /**
     * The process and its descendants, listed before anything is signalled: once a parent is gone, its children
     * belong to init and can no longer be found from it.
     */
    static List<ProcessHandle> of(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        try (Stream<ProcessHandle> descendants = root.descendants()) {
            descendants.forEach(all::add);
        }
        return all;
    }

    /**
     * Terminates all given processes and waits until they are gone.
     *
     * @return the processes still alive after SIGKILL and the second wait (empty when all are gone)
     */
    static List<ProcessHandle> terminate(List<ProcessHandle> processes, Duration grace) throws InterruptedException {
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        awaitExit(processes, grace);
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(processes, grace);
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] exits =
                processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Whoever is still alive is handled by the caller.
        }
    }
}
