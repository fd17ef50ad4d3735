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
        int total = verdict.outcomes().size();
        long breached = count(verdict, OutcomeStatus.FAILED);
        long skipped = count(verdict, OutcomeStatus.SKIPPED);
        String skippedNote = skipped == 0 ? "" : ", " + skipped + " skipped";
        return switch (verdict.status()) {
            case PASSED ->
                total == 0
                        ? "PASSED (no thresholds given)"
                        : "PASSED: " + count(verdict, OutcomeStatus.PASSED) + " of " + thresholds(total) + " held"
                                + skippedNote;
            case UNSTABLE ->
                "UNSTABLE (warning, exit 0): " + breached + " of " + thresholds(total)
                        + " breached, all of them unstable-level" + skippedNote;
            case FAILED -> "FAILED: " + breached + " of " + thresholds(total) + " breached" + skippedNote;
        };
    }

    private static long count(Verdict verdict, OutcomeStatus status) {
        return verdict.outcomes().stream().filter(o -> o.status() == status).count();
    }

    private static String thresholds(int n) {
        return n + (n == 1 ? " threshold" : " thresholds");
    }
}
