package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PLACEHOLDER until the threshold and report packages land on main: refuses thresholds rather than pretending they
 * passed, writes no reports. Replaced by calls to ThresholdParser, ThresholdEvaluator, AbortRules and ReportWriter.
 */
final class ThresholdEvaluation implements RunEvaluation {
    @Override
    public void checkThresholds(List<String> expressions) {
        if (!expressions.isEmpty()) {
            throw new InvalidSpecException(expressions.stream()
                    .map(e -> new FieldError("thresholds", e, "thresholds are not available in this build yet"))
                    .toList());
        }
    }

    @Override
    public String abortRules(List<String> expressions) {
        return "[]";
    }

    @Override
    public Verdict evaluate(List<String> expressions, LoadTestResult result, Optional<LoadTestResult> baseline) {
        return new Verdict(VerdictStatus.PASSED, List.of());
    }

    @Override
    public void writeReports(LoadTestResult result, Verdict verdict, Path outDir) {}

    @Override
    public String summary(LoadTestResult result, Verdict verdict) {
        return "";
    }
}
