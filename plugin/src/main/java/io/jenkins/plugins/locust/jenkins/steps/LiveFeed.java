package io.jenkins.plugins.locust.jenkins.steps;

import io.jenkins.plugins.locust.page.LiveProgress;
import io.jenkins.plugins.locust.result.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The live view's data on the controller: the reporter's snapshots as they arrive, from the runner on the controller
 * (Kubernetes) or as lines through a remote stream from the agent (local backend), for the build action's page.
 */
final class LiveFeed implements Supplier<LiveProgress> {
    private final int plannedUsers;
    private final int expectedWorkers;
    private final List<Snapshot> points = new ArrayList<>();

    LiveFeed(int plannedUsers, int expectedWorkers) {
        this.plannedUsers = plannedUsers;
        this.expectedWorkers = expectedWorkers;
    }

    synchronized void accept(Snapshot snapshot) {
        points.add(snapshot);
        if (points.size() > 2 * LiveProgress.MAX_POINTS) {
            points.subList(0, points.size() - LiveProgress.MAX_POINTS).clear();
        }
    }

    @Override
    public synchronized LiveProgress get() {
        return new LiveProgress(
                points.isEmpty() ? "starting" : "running", false, plannedUsers, expectedWorkers, List.copyOf(points));
    }

    /** One snapshot as one line of numbers: what the agent writes into {@link #sink()}. */
    static String line(Snapshot s) {
        return String.format(
                Locale.ROOT,
                "%s %d %d %s %s %d %d %d %d %d%n",
                s.elapsedSeconds(),
                s.users(),
                s.workers(),
                s.rps(),
                s.failuresPerSecond(),
                s.p50Ms(),
                s.p95Ms(),
                s.p99Ms(),
                s.totalRequests(),
                s.totalFailures());
    }

    static Snapshot parse(String line) {
        String[] f = line.strip().split(" ");
        return new Snapshot(
                Double.parseDouble(f[0]),
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                Long.parseLong(f[5]),
                Long.parseLong(f[6]),
                Long.parseLong(f[7]),
                Long.parseLong(f[8]),
                Long.parseLong(f[9]));
    }

    /** Where the agent's lines arrive; a line this version cannot read is dropped (the live view only). */
    OutputStream sink() {
        return new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b != '\n') {
                    pending.write(b);
                    return;
                }
                String text = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                try {
                    accept(parse(text));
                } catch (RuntimeException e) {
                    // not a snapshot line: nothing to draw
                }
            }
        };
    }
}
