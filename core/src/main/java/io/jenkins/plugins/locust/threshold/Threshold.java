package io.jenkins.plugins.locust.threshold;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed threshold such as {@code GET /api/cart: p99 < 1.5s unstable}. Build it with {@link ThresholdParser}.
 *
 * @param expression the text as the user wrote it
 * @param endpoint {@code "GET /x"} or {@code "/x"} (every method of that name), or null for all requests together
 * @param abort stop the run early when the reporter sees the threshold breached live
 */
public record Threshold(
        String expression,
        String endpoint,
        Metric metric,
        Operator operator,
        Limit limit,
        Severity severity,
        boolean abort) {

    public boolean relative() {
        return limit instanceof Limit.Relative;
    }

    /** The threshold without the user's spacing, e.g. {@code GET /x: p95 < 800 ms}. */
    public String normalized() {
        String target = endpoint == null ? "" : endpoint + ": ";
        return target + metric.name() + " " + operator.symbol() + " " + limit.describe(metric.unit());
    }

    /**
     * The rule the reporter checks live for a threshold marked {@code abort}; empty otherwise. Limits are in the
     * canonical unit: milliseconds for times, a ratio 0..1 for fail_ratio, per second for rates.
     */
    public Optional<Map<String, Object>> abortRule() {
        if (!abort || !(limit instanceof Limit.Absolute absolute)) {
            return Optional.empty();
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("expression", expression);
        rule.put("metric", metric.name());
        rule.put("endpoint", endpoint);
        rule.put("op", operator.symbol());
        rule.put("limit", absolute.value());
        return Optional.of(rule);
    }
}
