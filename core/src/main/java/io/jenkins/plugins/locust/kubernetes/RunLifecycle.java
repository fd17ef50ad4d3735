package io.jenkins.plugins.locust.kubernetes;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The stages of one run on Kubernetes as its handle sees them (the shape of k6-operator's TestRun stages), and the
 * only place they change: {@link #advance} allows the transitions of {@link #NEXT} and ignores every other, so a late
 * event (a pod update after the run was closed, a gate after a failed start) cannot move a run backwards. What the
 * handle does with a pod event follows from the stage alone.
 */
final class RunLifecycle {
    enum Stage {
        /** Objects being created; nothing watched yet. */
        CREATING,
        /** Pods starting and not every worker connected yet: any pod failure is a failed start (fatal). */
        STARTING,
        /** Every worker connected: a lost worker degrades the run (a warning) and the test goes on. */
        RUNNING,
        /** A fatal fault ended the start; the runner closes the run. Later pod failures are no news. */
        FAILED,
        /** We asked the master to stop (deleted its pod): its deletion and the workers quitting are expected. */
        STOPPING,
        /** The master container ended; the rest of its log (the reporter's final event) is being read. */
        DRAINING,
        /** The master's exit is known (or the run is lost): nothing more to report. */
        ENDED,
        /** Closed (everything deleted) or detached (left running for a later attach): nothing watched any more. */
        CLOSED
    }

    private static final Map<Stage, Set<Stage>> NEXT = new EnumMap<>(Stage.class);

    static {
        // attach starts mid-lifecycle: at STARTING, or at RUNNING when the master's log shows the gate passed
        NEXT.put(Stage.CREATING, EnumSet.of(Stage.STARTING, Stage.RUNNING, Stage.CLOSED));
        NEXT.put(
                Stage.STARTING,
                EnumSet.of(Stage.RUNNING, Stage.FAILED, Stage.STOPPING, Stage.DRAINING, Stage.ENDED, Stage.CLOSED));
        NEXT.put(Stage.RUNNING, EnumSet.of(Stage.STOPPING, Stage.DRAINING, Stage.ENDED, Stage.CLOSED));
        NEXT.put(Stage.FAILED, EnumSet.of(Stage.STOPPING, Stage.DRAINING, Stage.ENDED, Stage.CLOSED));
        NEXT.put(Stage.STOPPING, EnumSet.of(Stage.DRAINING, Stage.ENDED, Stage.CLOSED));
        NEXT.put(Stage.DRAINING, EnumSet.of(Stage.ENDED, Stage.CLOSED));
        NEXT.put(Stage.ENDED, EnumSet.of(Stage.CLOSED));
        NEXT.put(Stage.CLOSED, EnumSet.noneOf(Stage.class));
    }

    private Stage stage = Stage.CREATING;

    synchronized Stage stage() {
        return stage;
    }

    /** Moves to {@code next} if the current stage allows it; returns whether it moved. */
    synchronized boolean advance(Stage next) {
        if (!NEXT.get(stage).contains(next)) {
            return false;
        }
        stage = next;
        return true;
    }

    synchronized boolean is(Stage first, Stage... more) {
        return stage == first || Set.of(more).contains(stage);
    }

    /** Pods are watched and the master's end is not known yet: faults are news to the user. */
    synchronized boolean live() {
        return is(Stage.STARTING, Stage.RUNNING, Stage.FAILED, Stage.STOPPING, Stage.DRAINING);
    }

    /** A pod failing now fails the start (the gate never opened). */
    synchronized boolean starting() {
        return is(Stage.STARTING, Stage.FAILED);
    }

    /** A pod lost now is news: the test runs (or starts) and nobody asked for it to end. */
    synchronized boolean lossIsNews() {
        return is(Stage.STARTING, Stage.RUNNING, Stage.STOPPING);
    }

    /** The master being deleted now is someone else's doing, before it ended: the test stops early. */
    synchronized boolean masterDeletionIsNews() {
        return is(Stage.STARTING, Stage.RUNNING, Stage.FAILED);
    }

    @Override
    public synchronized String toString() {
        return stage.name();
    }
}
