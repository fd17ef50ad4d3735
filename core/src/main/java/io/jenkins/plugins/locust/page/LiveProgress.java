package io.jenkins.plugins.locust.page;

import io.jenkins.plugins.locust.result.Snapshot;
import java.util.List;

/**
 * What the report page polls while the test runs: the phase and the reporter's snapshots so far, so the page can draw
 * the same charts live and switch to the final report when {@code finished} turns true.
 *
 * @param phase a word for the run's state ({@code starting}, {@code running}, {@code stopping}, {@code finished})
 * @param snapshots the time series so far (at most the newest {@link #MAX_POINTS})
 */
public record LiveProgress(
        String phase, boolean finished, int plannedUsers, int expectedWorkers, List<Snapshot> snapshots) {
    /** Enough for a one-hour run at the reporter's 2-s pace; older points are dropped from the live view only. */
    public static final int MAX_POINTS = 1800;

    public LiveProgress {
        snapshots = snapshots.size() > MAX_POINTS
                ? List.copyOf(snapshots.subList(snapshots.size() - MAX_POINTS, snapshots.size()))
                : List.copyOf(snapshots);
    }
}
