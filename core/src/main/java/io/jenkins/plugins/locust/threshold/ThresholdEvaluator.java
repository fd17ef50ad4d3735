package io.jenkins.plugins.locust.threshold;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates thresholds on a finished run's result: the Java verdict is the source of truth (the reporter's live
 * abort check only stops a run early). A relative threshold without a baseline is SKIPPED, never passed.
 */
public final class ThresholdEvaluator {
    private ThresholdEvaluator() {}

    /**
     * @throws ThresholdSyntaxException if an expression is invalid (validate them before the run)
     */
    public static Verdict evaluate(List<String> expressions, LoadTestResult result, Optional<LoadTestResult> baseline) {
        return evaluateParsed(ThresholdParser.parseAll(expressions), result, baseline);
    }

    /**
     * The verdict of a finished run: the {@link GuardRails} first, then the thresholds.
     *
     * @throws ThresholdSyntaxException if an expression is invalid (validate them before the run)
     */
    public static Verdict judge(List<String> expressions, LoadTestResult result, Optional<LoadTestResult> baseline) {
        List<Threshold> thresholds = ThresholdParser.parseAll(expressions);
        List<ThresholdOutcome> guardRails = GuardRails.check(result, thresholds);
        List<ThresholdOutcome> outcomes =
                evaluateParsed(thresholds, result, baseline).outcomes();
        List<ThresholdOutcome> all = new ArrayList<>(guardRails);
        all.addAll(outcomes);
        return new Verdict(status(all), guardRails, outcomes);
    }

    public static Verdict evaluateParsed(
            List<Threshold> thresholds, LoadTestResult result, Optional<LoadTestResult> baseline) {
        List<ThresholdOutcome> outcomes = thresholds.stream()
                .map(threshold -> evaluate(threshold, result, baseline))
                .toList();
        return new Verdict(status(outcomes), outcomes);
    }

    static VerdictStatus status(List<ThresholdOutcome> outcomes) {
        boolean failed = false;
        boolean unstable = false;
        for (ThresholdOutcome outcome : outcomes) {
            if (outcome.status() == OutcomeStatus.FAILED) {
                failed |= outcome.severity() == Severity.FAILURE;
                unstable |= outcome.severity() == Severity.UNSTABLE;
            }
        }
        return failed ? VerdictStatus.FAILED : unstable ? VerdictStatus.UNSTABLE : VerdictStatus.PASSED;
    }

    private static ThresholdOutcome evaluate(
            Threshold threshold, LoadTestResult result, Optional<LoadTestResult> baseline) {
        Metric metric = threshold.metric();
        Unit unit = metric.unit();
        Optional<EndpointStats> stats = EndpointSelector.select(result, threshold.endpoint());
        if (stats.isEmpty()) {
            return outcome(
                    threshold,
                    null,
                    null,
                    OutcomeStatus.FAILED,
                    "no requests to endpoint '" + threshold.endpoint() + "' in this run; endpoints: "
                            + EndpointSelector.known(result));
        }
        if (stats.get().requests() == 0 && !metric.definedWithoutRequests()) {
            return outcome(
                    threshold,
                    null,
                    null,
                    OutcomeStatus.FAILED,
                    "no requests were made" + target(threshold) + ", so " + metric.name() + " cannot be measured");
        }
        double actual = metric.resultWide() ? metric.valueOf(result) : metric.valueOf(stats.get());
        String actualText = unit.format(actual);
        String limitText =
                threshold.operator().symbol() + " " + threshold.limit().describe(unit);
        double limit;
        if (threshold.limit() instanceof Limit.Absolute absolute) {
            limit = absolute.value();
        } else {
            Optional<String> skipped = baselineProblem(threshold, baseline);
            if (skipped.isPresent()) {
                return outcome(threshold, actualText, limitText, OutcomeStatus.SKIPPED, skipped.get());
            }
            double baselineValue = metric.resultWide()
                    ? metric.valueOf(baseline.orElseThrow())
                    : metric.valueOf(EndpointSelector.select(baseline.orElseThrow(), threshold.endpoint())
                            .orElseThrow());
            limit = threshold.limit().resolve(baselineValue);
            limitText = threshold.operator().symbol() + " " + unit.format(limit) + " ("
                    + threshold.limit().describe(unit).replace("baseline", "baseline " + unit.format(baselineValue))
                    + ")";
        }
        boolean passed = threshold.operator().holds(actual, limit);
        String message = metric.name() + target(threshold) + " is " + actualText
                + (passed ? ", within " : ", breaching ") + limitText;
        return outcome(threshold, actualText, limitText, passed ? OutcomeStatus.PASSED : OutcomeStatus.FAILED, message);
    }

    /** Why a relative threshold cannot be evaluated, if it cannot. */
    private static Optional<String> baselineProblem(Threshold threshold, Optional<LoadTestResult> baseline) {
        if (baseline.isEmpty()) {
            return Optional.of("not evaluated: the limit is relative to a baseline and there is no baseline result");
        }
        Optional<EndpointStats> stats = EndpointSelector.select(baseline.get(), threshold.endpoint());
        if (stats.isEmpty()
                || (stats.get().requests() == 0 && !threshold.metric().definedWithoutRequests())) {
            return Optional.of("not evaluated: the baseline has no requests" + target(threshold) + " to compare with");
        }
        return Optional.empty();
    }

    private static String target(Threshold threshold) {
        return threshold.endpoint() == null ? "" : " of '" + threshold.endpoint() + "'";
    }

    private static ThresholdOutcome outcome(
            Threshold threshold, String actual, String limit, OutcomeStatus status, String message) {
        return new ThresholdOutcome(threshold.expression(), actual, limit, status, threshold.severity(), message);
    }
}
