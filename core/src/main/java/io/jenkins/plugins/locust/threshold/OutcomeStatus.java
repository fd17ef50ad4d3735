package io.jenkins.plugins.locust.threshold;

/** The outcome of one threshold. SKIPPED (e.g. a relative threshold without a baseline) never counts as passed. */
public enum OutcomeStatus {
    PASSED,
    FAILED,
    SKIPPED
}
