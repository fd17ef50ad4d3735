package io.jenkins.plugins.locust.result;

/** Response-time percentiles in milliseconds, read from a merged {@link ResponseTimeHistogram}. */
public record Percentiles(long p50, long p75, long p90, long p95, long p99, long p999) {
    public static Percentiles of(ResponseTimeHistogram histogram) {
        return new Percentiles(
                histogram.percentile(0.50),
                histogram.percentile(0.75),
                histogram.percentile(0.90),
                histogram.percentile(0.95),
                histogram.percentile(0.99),
                histogram.percentile(0.999));
    }
}
