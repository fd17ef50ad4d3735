package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;

/** The CLI's exit codes, shared by every command that judges a result. */
final class ExitCodes {
    /** Passed, or only unstable-level thresholds were breached (a warning is printed). */
    static final int PASSED = 0;
    /** A failure-level threshold was breached. */
    static final int FAILED = 1;
    /** The run could not be carried out: bad input, Locust would not start, workers never connected. */
    static final int NOT_CARRIED_OUT = 2;

    private ExitCodes() {}

    static int of(Verdict verdict) {
        return verdict.status() == VerdictStatus.FAILED ? FAILED : PASSED;
    }

    /** One line saying what the verdict means for the exit code. */
    static String describe(Verdict verdict) {
        long breached = verdict.outcomes().stream()
                .filter(o -> o.status() == OutcomeStatus.FAILED)
                .count();
        return switch (verdict.status()) {
            case PASSED -> "PASSED: all " + verdict.outcomes().size() + " thresholds held";
            case UNSTABLE ->
                "UNSTABLE (warning, exit 0): " + breached + " unstable-level threshold"
                        + (breached == 1 ? " was" : "s were") + " breached";
            case FAILED -> "FAILED: " + breached + " threshold" + (breached == 1 ? " was" : "s were") + " breached";
        };
    }
}
