package io.jenkins.plugins.locust.spec;

import io.jenkins.plugins.locust.threshold.ThresholdParser;
import io.jenkins.plugins.locust.threshold.ThresholdSyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Threshold expressions checked as spec input: one error per invalid expression, with position and fix. */
public final class ThresholdCheck {
    private ThresholdCheck() {}

    /** The errors of the invalid expressions (field {@code thresholds}); empty when all parse. */
    public static List<FieldError> errors(List<String> expressions) {
        List<FieldError> errors = new ArrayList<>();
        for (String expression : expressions) {
            try {
                ThresholdParser.parse(expression);
            } catch (ThresholdSyntaxException e) {
                errors.add(new FieldError(
                        "thresholds",
                        expression,
                        e.detail() + "; write METRIC OP LIMIT, e.g. 'p95 < 800ms' or 'GET /api: fail_ratio < 1%'"));
            }
        }
        return errors;
    }
}
