package io.jenkins.plugins.locust.threshold;

import java.util.List;

/** The checks that decided a verdict, as the one line a failed or unstable build step says. */
public final class Breaches {
    private Breaches() {}

    /** The checks (guard rails, then thresholds) of this severity that failed. */
    public static List<ThresholdOutcome> of(Verdict verdict, Severity severity) {
        return verdict.checks().stream()
                .filter(o -> o.status() == OutcomeStatus.FAILED && o.severity() == severity)
                .toList();
    }

    /**
     * {@code p95 < 800ms (actual 950 ms); fail_ratio < 1% (actual 2.3 %)}: each breached check with what was
     * measured, or its message when it has no measured value (a guard rail that saw no load).
     */
    public static String describe(Verdict verdict, Severity severity) {
        return String.join(
                "; ",
                of(verdict, severity).stream()
                        .map(o -> o.actual() == null
                                ? o.expression() + " (" + o.message() + ")"
                                : o.expression() + " (actual " + o.actual() + ")")
                        .toList());
    }
}
