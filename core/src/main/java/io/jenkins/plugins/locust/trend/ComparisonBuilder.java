package io.jenkins.plugins.locust.trend;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares two builds' full results (the compare page); the only trend code that opens result files. */
public final class ComparisonBuilder {
    /** The endpoint metrics compared, in table order. */
    public static final List<TrendMetric> METRICS = List.of(
            TrendMetric.REQUESTS,
            TrendMetric.RPS,
            TrendMetric.FAIL_RATIO,
            TrendMetric.P50,
            TrendMetric.P95,
            TrendMetric.P99);

    /** A change within this share of the base value (1 %) is noise, not better or worse. */
    static final double SAME_WITHIN = 0.01;

    private ComparisonBuilder() {}

    /** One build's side of the comparison. */
    public record Side(int build, LoadTestResult result, Verdict verdict) {}

    public static Comparison compare(Side base, Side current) {
        Map<String, EndpointStats> baseRows = rows(base.result());
        Map<String, EndpointStats> currentRows = rows(current.result());
        Map<String, Boolean> keys = new LinkedHashMap<>();
        currentRows.keySet().forEach(k -> keys.put(k, true));
        baseRows.keySet().forEach(k -> keys.putIfAbsent(k, true));
        List<Comparison.EndpointRow> endpoints = new ArrayList<>();
        for (String key : keys.keySet()) {
            EndpointStats before = baseRows.get(key);
            EndpointStats after = currentRows.get(key);
            List<Comparison.MetricDelta> metrics = new ArrayList<>();
            for (TrendMetric metric : METRICS) {
                metrics.add(delta(
                        metric,
                        before == null ? null : metric.valueOf(before),
                        after == null ? null : metric.valueOf(after)));
            }
            endpoints.add(new Comparison.EndpointRow(key, before != null, after != null, metrics));
        }
        return new Comparison(base.build(), current.build(), endpoints, thresholds(base.verdict(), current.verdict()));
    }

    /** The aggregated row first, then the endpoints in the result's order. */
    private static Map<String, EndpointStats> rows(LoadTestResult result) {
        Map<String, EndpointStats> rows = new LinkedHashMap<>();
        rows.put(result.aggregated().key(), result.aggregated());
        result.endpoints().forEach(e -> rows.put(e.key(), e));
        return rows;
    }

    static Comparison.MetricDelta delta(TrendMetric metric, Double base, Double current) {
        if (base == null || current == null) {
            return new Comparison.MetricDelta(
                    metric.id(), metric.unit(), base, current, null, null, Comparison.Change.NOT_COMPARABLE);
        }
        double delta = current - base;
        Double percent = base == 0 ? null : delta / base * 100;
        return new Comparison.MetricDelta(
                metric.id(), metric.unit(), base, current, delta, percent, change(metric, base, delta));
    }

    private static Comparison.Change change(TrendMetric metric, double base, double delta) {
        if (metric.direction() == TrendMetric.Direction.NEUTRAL) {
            return Comparison.Change.NOT_COMPARABLE;
        }
        if (Math.abs(delta) <= Math.abs(base) * SAME_WITHIN) {
            return Comparison.Change.SAME;
        }
        boolean rose = delta > 0;
        boolean better = rose == (metric.direction() == TrendMetric.Direction.HIGHER_IS_BETTER);
        return better ? Comparison.Change.BETTER : Comparison.Change.WORSE;
    }

    private static List<Comparison.ThresholdRow> thresholds(Verdict base, Verdict current) {
        Map<String, ThresholdOutcome[]> byExpression = new LinkedHashMap<>();
        current.outcomes()
                .forEach(o -> byExpression.computeIfAbsent(o.expression(), e -> new ThresholdOutcome[2])[1] = o);
        base.outcomes().forEach(o -> byExpression.computeIfAbsent(o.expression(), e -> new ThresholdOutcome[2])[0] = o);
        List<Comparison.ThresholdRow> rows = new ArrayList<>();
        byExpression.forEach((expression, pair) -> rows.add(new Comparison.ThresholdRow(
                expression,
                pair[0] == null ? null : pair[0].status().name(),
                pair[0] == null ? null : pair[0].actual(),
                pair[1] == null ? null : pair[1].status().name(),
                pair[1] == null ? null : pair[1].actual())));
        return rows;
    }
}
