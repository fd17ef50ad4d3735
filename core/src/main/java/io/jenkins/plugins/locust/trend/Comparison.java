package io.jenkins.plugins.locust.trend;

import java.util.List;

/**
 * Two builds' results side by side: per endpoint (aggregated row first) the metrics of both with their change, and
 * the thresholds of both. "Base" is the older build (the baseline), "current" the one compared with it.
 */
public record Comparison(int baseBuild, int currentBuild, List<EndpointRow> endpoints, List<ThresholdRow> thresholds) {
    public Comparison {
        endpoints = List.copyOf(endpoints);
        thresholds = List.copyOf(thresholds);
    }

    /** How a metric moved from base to current, judged by the metric's {@link TrendMetric.Direction}. */
    public enum Change {
        BETTER,
        WORSE,
        SAME,
        /** The endpoint exists in one build only, or the metric has no better side. */
        NOT_COMPARABLE
    }

    /** One endpoint in both builds; {@code inBase}/{@code inCurrent} say where it was requested. */
    public record EndpointRow(String endpoint, boolean inBase, boolean inCurrent, List<MetricDelta> metrics) {
        public EndpointRow {
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * @param base the base build's value, or null when the endpoint was not requested there
     * @param delta current − base, or null when one side is missing
     * @param deltaPercent the delta relative to base in percent, or null when base is missing or 0
     */
    public record MetricDelta(
            String metric,
            String unit,
            Double base,
            Double current,
            Double delta,
            Double deltaPercent,
            Change change) {}

    /**
     * One threshold expression, with its outcome in each build ({@code null} where that build did not have it).
     *
     * @param base the outcome status in the base build (PASSED, FAILED, SKIPPED), or null
     */
    public record ThresholdRow(
            String expression, String base, String baseActual, String current, String currentActual) {}
}
