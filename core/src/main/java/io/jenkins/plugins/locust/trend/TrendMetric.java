package io.jenkins.plugins.locust.trend;

import io.jenkins.plugins.locust.result.EndpointStats;

/** What a trend chart can show of each build's {@link RunSummary}. */
public enum TrendMetric {
    RPS("rps", "Requests per second", "req/s", Direction.HIGHER_IS_BETTER),
    P50("p50", "Median response time", "ms", Direction.LOWER_IS_BETTER),
    P95("p95", "95th percentile response time", "ms", Direction.LOWER_IS_BETTER),
    P99("p99", "99th percentile response time", "ms", Direction.LOWER_IS_BETTER),
    FAIL_RATIO("fail_ratio", "Failed requests", "%", Direction.LOWER_IS_BETTER),
    REQUESTS("requests", "Requests", "requests", Direction.NEUTRAL);

    /** Whether a rise of the value is an improvement; used to colour deltas. */
    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER,
        NEUTRAL
    }

    private final String id;
    private final String title;
    private final String unit;
    private final Direction direction;

    TrendMetric(String id, String title, String unit, Direction direction) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.direction = direction;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }

    /** This metric of one endpoint's (or the aggregated) counters, in {@link #unit()}. */
    public double valueOf(EndpointStats stats) {
        return switch (this) {
            case RPS -> stats.rps();
            case P50 -> stats.percentiles().p50();
            case P95 -> stats.percentiles().p95();
            case P99 -> stats.percentiles().p99();
            case FAIL_RATIO -> stats.failRatio() * 100;
            case REQUESTS -> stats.requests();
        };
    }
}
