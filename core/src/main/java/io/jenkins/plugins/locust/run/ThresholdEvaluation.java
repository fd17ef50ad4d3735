package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.report.ConsoleSummary;
import io.jenkins.plugins.locust.report.ReportWriter;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.threshold.AbortRules;
import io.jenkins.plugins.locust.threshold.ThresholdEvaluator;
import io.jenkins.plugins.locust.threshold.ThresholdParser;
import io.jenkins.plugins.locust.threshold.ThresholdSyntaxException;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runner's link to the threshold and report packages. */
final class ThresholdEvaluation implements RunEvaluation {
    @Override
    public void checkThresholds(List<String> expressions) {
        List<FieldError> errors = new ArrayList<>();
        for (String expression : expressions) {
            try {
                ThresholdParser.parse(expression);
            } catch (ThresholdSyntaxException e) {
                errors.add(new FieldError("thresholds", expression, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSpecException(errors);
        }
    }

    @Override
    public String abortRules(List<String> expressions) {
        return AbortRules.toJson(expressions);
    }

    @Override
    public Verdict evaluate(List<String> expressions, LoadTestResult result, Optional<LoadTestResult> baseline) {
        return ThresholdEvaluator.judge(expressions, result, baseline);
    }

    @Override
    public void writeReports(LoadTestResult result, Verdict verdict, Path outDir) throws IOException {
        ReportWriter.writeAll(result, verdict, outDir);
    }

    @Override
    public String summary(LoadTestResult result, Verdict verdict) {
        return ConsoleSummary.render(result, verdict);
    }
}
