package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.util.List;

/** The CLI's exit codes, shared by every command that judges a result. */
final class ExitCodes {
    /** Passed, or only unstable-level checks were breached (a warning is printed). */
    static final int PASSED = 0;
    /** A failure-level threshold or guard rail was breached. */
    static final int FAILED = 1;
    /** The run could not be carried out: bad input, Locust would not start, workers never connected. */
    static final int NOT_CARRIED_OUT = 2;

    private ExitCodes() {}

    static int of(Verdict verdict) {
        return verdict.status() == VerdictStatus.FAILED ? FAILED : PASSED;
    }

    /** One line saying what the verdict means for the exit code: the thresholds, then the guard rails. */
    static String describe(Verdict verdict) {
        return switch (verdict.status()) {
            case PASSED ->
                verdict.outcomes().isEmpty()
                        ? "PASSED (no thresholds given; the guard rails' defaults judged the run)"
                        : "PASSED: " + thresholds(verdict);
            case UNSTABLE -> "UNSTABLE (warning, exit 0): " + thresholds(verdict) + guardRails(verdict);
            case FAILED -> "FAILED: " + thresholds(verdict) + guardRails(verdict);
        };
    }

    /** e.g. {@code 2 of 3 thresholds held, 1 skipped} or {@code 1 of 3 thresholds breached, all of them unstable}. */
    private static String thresholds(Verdict verdict) {
        int total = verdict.outcomes().size();
        if (total == 0) {
            return "no thresholds given";
        }
        long breached = count(verdict.outcomes(), OutcomeStatus.FAILED);
        long skipped = count(verdict.outcomes(), OutcomeStatus.SKIPPED);
        String skippedNote = skipped == 0 ? "" : ", " + skipped + " skipped";
        if (breached == 0) {
            return count(verdict.outcomes(), OutcomeStatus.PASSED) + " of " + thresholds(total) + " held" + skippedNote;
        }
        boolean allUnstable = verdict.outcomes().stream()
                .filter(o -> o.status() == OutcomeStatus.FAILED)
                .allMatch(o -> o.severity() == Severity.UNSTABLE);
        return breached + " of " + thresholds(total) + " breached" + (allUnstable ? ", all of them unstable-level" : "")
                + skippedNote;
    }

    /** The guard rails that did not pass, e.g. {@code ; guard rails: 1 failed, 1 unstable}; empty when all passed. */
    private static String guardRails(Verdict verdict) {
        long failed = verdict.guardRails().stream()
                .filter(o -> o.status() == OutcomeStatus.FAILED && o.severity() == Severity.FAILURE)
                .count();
        long unstable = verdict.guardRails().stream()
                .filter(o -> o.status() == OutcomeStatus.FAILED && o.severity() == Severity.UNSTABLE)
                .count();
        if (failed + unstable == 0) {
            return "";
        }
        String failedText = failed == 0 ? "" : failed + " failed";
        String unstableText = unstable == 0 ? "" : unstable + " unstable";
        String joined = failedText.isEmpty() || unstableText.isEmpty() ? "" : ", ";
        return "; guard rails: " + failedText + joined + unstableText;
    }

    private static long count(List<ThresholdOutcome> outcomes, OutcomeStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static String thresholds(int n) {
        return n + (n == 1 ? " threshold" : " thresholds");
    }
}
