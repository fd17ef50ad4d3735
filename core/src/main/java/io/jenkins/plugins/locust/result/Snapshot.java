package io.jenkins.plugins.locust.result;

/**
 * One point of the live time series, taken by the reporter every 2 s. Rates and percentiles are Locust's smoothed
 * "current" values (distributed stats move every 3 s, so raw per-interval rates alternate).
 *
 * @param elapsedSeconds seconds since the test started
 */
public record Snapshot(
        double elapsedSeconds,
        int users,
        int workers,
        double rps,
        double failuresPerSecond,
        long p50Ms,
        long p95Ms,
        long p99Ms,
        long totalRequests,
        long totalFailures) {}
