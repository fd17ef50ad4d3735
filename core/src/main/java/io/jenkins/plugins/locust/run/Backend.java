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
}
