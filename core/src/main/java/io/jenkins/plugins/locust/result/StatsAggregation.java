package io.jenkins.plugins.locust.result;

import java.util.List;

/**
 * Combines the counters of several endpoints as Locust does for its "Aggregated" row: counts and times summed,
 * histograms merged bucket by bucket and percentiles read from the merged histogram (never averaged), so ratios
 * are request-weighted.
 */
public final class StatsAggregation {
    private StatsAggregation() {}

    public static EndpointStats combine(String method, String name, List<EndpointStats> parts) {
        long requests = 0;
        long failures = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double total = 0;
        long content = 0;
        double rps = 0;
        ResponseTimeHistogram histogram = ResponseTimeHistogram.empty();
        for (EndpointStats part : parts) {
            requests += part.requests();
            failures += part.failures();
            if (part.requests() > 0) {
                min = Math.min(min, part.minMs());
            }
            max = Math.max(max, part.maxMs());
            total += part.totalMs();
            content += part.contentBytes();
            rps += part.rps();
            histogram = histogram.merge(part.histogram());
        }
        return new EndpointStats(
                method,
                name,
                requests,
                failures,
                requests == 0 ? 0 : min,
                max,
                total,
                content,
                rps,
                Percentiles.of(histogram),
                histogram);
    }
}
