package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.result.Snapshot;
import java.util.Locale;

/** The readable line printed every 10 s instead of Locust's stats table. */
final class ProgressLine {
    private ProgressLine() {}

    /** @param expectedUsers the planned peak users, or 0 when the locustfile's load shape sets them */
    static String of(Snapshot s, int expectedUsers, int expectedWorkers) {
        double failPercent = s.totalRequests() == 0 ? 0 : 100.0 * s.totalFailures() / s.totalRequests();
        long seconds = Math.round(s.elapsedSeconds());
        return String.format(
                Locale.ROOT,
                "%d:%02d  users %d%s  workers %d/%d  %.1f req/s  %.2f %% failed  p95 %d ms  (%d requests, %d failed)",
                seconds / 60,
                seconds % 60,
                s.users(),
                expectedUsers > 0 ? "/" + expectedUsers : " (load shape)",
                s.workers(),
                expectedWorkers,
                s.rps(),
                failPercent,
                s.p95Ms(),
                s.totalRequests(),
                s.totalFailures());
    }
}
