package io.jenkins.plugins.locust.threshold;

import java.util.List;

/** The verdict over all thresholds: FAILED if a failure-level threshold failed, UNSTABLE if only unstable ones did. */
public record Verdict(VerdictStatus status, List<ThresholdOutcome> outcomes) {
    public Verdict {
        outcomes = List.copyOf(outcomes);
    }
}
