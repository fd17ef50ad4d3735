package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.spec.LoadTestSpec;

/**
 * Where a run's Locust master and workers execute: Kubernetes Jobs or local processes. Everything else (command
 * lines, reporter, results, thresholds, reports) is shared, so both backends behave the same.
 */
public interface Backend {
    /** {@code local} or {@code kubernetes}, as recorded in the result. */
    String name();

    /**
     * Refuses a spec this backend cannot carry out (e.g. far beyond the local machine), before anything is printed
     * or launched.
     *
     * @throws io.jenkins.plugins.locust.spec.InvalidSpecException naming each field, its value, the limit and the fix
     */
    default void check(LoadTestSpec spec) {}

    /**
     * Starts the master and the workers and returns at once; output and faults arrive through {@code events}.
     *
     * @throws LoadTestException when nothing could be started (the message says why and what to do)
     */
    RunHandle start(RunRequest request, BackendEvents events) throws LoadTestException, InterruptedException;

    /**
     * Takes over a run that an earlier process started and let go of (a Jenkins controller restart): finds its
     * objects by the run id, and returns a handle that delivers the master's output <em>from its start</em> (so the
     * reporter's events can be replayed into a fresh result) and then keeps following it, exactly as the handle
     * {@link #start} returned would have. Closing the handle removes the run as usual.
     *
     * @param runId the id the run was started with ({@link RunRequest#runId()})
     * @param namespace where its objects are ({@link RunHandle#namespace()} when it was started); null = the
     *     spec's or the connection's default, as for {@link #start}
     * @param spec the spec the run was started with (expected workers, log options); its files are not used
     * @throws LoadTestException when the run cannot be taken over: this backend cannot re-attach at all, or the run's
     *     pods are gone (then whatever is left of it has been removed). The message says why and what to do.
     */
    default RunHandle attach(String runId, String namespace, LoadTestSpec spec, BackendEvents events)
            throws LoadTestException, InterruptedException {
        throw new LoadTestException("The " + name() + " backend cannot re-attach to run " + runId
                + " after the process that started it has ended. Run the test again.");
    }
}
