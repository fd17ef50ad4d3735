package io.jenkins.plugins.locust.kubernetes.testcluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The log of one container, as the kubelet keeps it: timestamped lines, readable while they are appended. */
final class ContainerLog {
    record Entry(Instant time, String text) {}

    private final List<Entry> entries = new ArrayList<>();
    private Instant lastTime = Instant.EPOCH;
    private boolean ended;

    synchronized void append(String text) {
        // Strictly increasing stamps, so a reader resuming after a line can tell what it already has.
        Instant now = Instant.now();
        lastTime = now.isAfter(lastTime) ? now : lastTime.plusNanos(1);
        entries.add(new Entry(lastTime, text));
        notifyAll();
    }

    /** The container has stopped: followers end once they have read everything. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** A new container instance (restart): followers continue with its lines. */
    synchronized void restart() {
        ended = false;
    }

    synchronized boolean ended() {
        return ended;
    }

    synchronized List<Entry> snapshot() {
        return List.copyOf(entries);
    }

    /**
     * Waits until there are more than {@code from} lines or the log ended or {@code maxMillis} passed, and returns the
     * lines from {@code from} on (possibly none).
     */
    synchronized List<Entry> awaitFrom(int from, long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        while (entries.size() <= from && !ended) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return from < entries.size() ? new ArrayList<>(entries.subList(from, entries.size())) : List.of();
    }

    synchronized int size() {
        return entries.size();
    }
}
