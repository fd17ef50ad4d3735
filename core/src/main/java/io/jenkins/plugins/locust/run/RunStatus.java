package io.jenkins.plugins.locust.run;

/**
 * A run's phase and progress, as {@link LoadTestRunner#status()} sees it now: shown, never persisted.
 *
 * @param runId the run's id, or null before it has one
 * @param progress a readable line: workers connected while starting, the live numbers while running; may be empty
 */
public record RunStatus(RunPhase phase, String runId, String progress) {
    @Override
    public String toString() {
        return phase + (runId == null ? "" : " (run " + runId + ")") + (progress.isEmpty() ? "" : ": " + progress);
    }
}
