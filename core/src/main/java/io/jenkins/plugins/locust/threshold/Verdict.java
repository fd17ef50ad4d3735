package io.jenkins.plugins.locust.threshold;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of a run: the guard rails (always checked, see {@link GuardRails}) and the user's thresholds. FAILED if
 * a failure-level check failed, UNSTABLE if only unstable-level ones did.
 *
 * @param guardRails the guard rails' outcomes, in a fixed order (empty for a verdict on thresholds alone)
 * @param outcomes the thresholds' outcomes, in the order they were given
 */
public record Verdict(VerdictStatus status, List<ThresholdOutcome> guardRails, List<ThresholdOutcome> outcomes) {
    public Verdict {
        guardRails = List.copyOf(guardRails);
        outcomes = List.copyOf(outcomes);
    }

    /** A verdict on thresholds alone. */
    public Verdict(VerdictStatus status, List<ThresholdOutcome> outcomes) {
        this(status, List.of(), outcomes);
    }

    /** The guard rails, then the thresholds. */
    public List<ThresholdOutcome> checks() {
        List<ThresholdOutcome> all = new ArrayList<>(guardRails);
        all.addAll(outcomes);
        return all;
    }

    /** The first failure-level check that failed, else the first unstable-level one: what decided the verdict. */
    public Optional<ThresholdOutcome> decisive() {
        List<ThresholdOutcome> failed = checks().stream()
                .filter(o -> o.status() == OutcomeStatus.FAILED)
                .toList();
        return failed.stream()
                .filter(o -> o.severity() == Severity.FAILURE)
                .findFirst()
                .or(() -> failed.stream().findFirst());
    }
}
