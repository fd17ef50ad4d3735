package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * How {@code run} and {@code report} end: breached guard rails and thresholds and the verdict on stdout, then the
 * exit code.
 */
final class VerdictOutput {
    private VerdictOutput() {}

    /** Prints the verdict (and the report path when there is one) and returns the exit code it means. */
    static int print(Verdict verdict, Path reportDir, PrintWriter out, PrintWriter err) {
        for (ThresholdOutcome threshold : verdict.checks()) {
            if (threshold.status() == OutcomeStatus.FAILED) {
                out.println("  breached: " + threshold.expression() + " (" + threshold.severity() + "): "
                        + threshold.message());
            }
        }
        out.println(ExitCodes.describe(verdict));
        if (verdict.status() == VerdictStatus.UNSTABLE) {
            boolean thresholds = verdict.outcomes().stream().anyMatch(o -> o.status() == OutcomeStatus.FAILED);
            err.println("loadtest: warning: unstable-level " + (thresholds ? "thresholds" : "guard rails")
                    + " were breached (exit code 0)");
        }
        if (reportDir != null) {
            out.println("Report: " + reportDir.resolve("report.html").toAbsolutePath());
        }
        return ExitCodes.of(verdict);
    }
}
