package io.jenkins.plugins.locust.result;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Locust's response-time histogram as the master merged it: rounded milliseconds → request count (exact below
 * 100 ms, to 10 ms below 1 s, to 100 ms below 10 s, then to 1 s). Percentiles are read from here, never averaged.
 */
public final class ResponseTimeHistogram {
    private final NavigableMap<Long, Long> buckets;
    private final long total;

    public ResponseTimeHistogram(Map<Long, Long> buckets) {
        this.buckets = Collections.unmodifiableNavigableMap(new TreeMap<>(buckets));
        this.total = buckets.values().stream().mapToLong(Long::longValue).sum();
    }

    public static ResponseTimeHistogram empty() {
        return new ResponseTimeHistogram(Map.of());
    }

    public NavigableMap<Long, Long> buckets() {
        return buckets;
    }

    public long total() {
        return total;
    }

    /** Sums two histograms bucket by bucket (what Locust does when merging workers or endpoints). */
    public ResponseTimeHistogram merge(ResponseTimeHistogram other) {
        TreeMap<Long, Long> merged = new TreeMap<>(buckets);
        other.buckets.forEach((bucket, count) -> merged.merge(bucket, count, Long::sum));
        return new ResponseTimeHistogram(merged);
    }

    /**
     * The response time below which {@code fraction} of the requests fall, computed as Locust computes it
     * ({@code calculate_response_time_percentile}): walk from the slowest bucket down until no more than
     * {@code total × fraction} requests remain. Zero when the histogram is empty. The request count is the
     * histogram's own total, as in Locust 2.47 ({@code num_requests - num_none_requests}); Locust 2.12 divided by all
     * requests, including those logged without a response time, which only differs when a locustfile logs such
     * requests. Checked against Locust's function on random histograms in ResponseTimeHistogramTest.
     */
    public long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long wanted = (long) (total * fraction);
        long processed = 0;
        for (Map.Entry<Long, Long> bucket : buckets.descendingMap().entrySet()) {
            processed += bucket.getValue();
            if (total - processed <= wanted) {
                return bucket.getKey();
            }
        }
        return buckets.firstKey();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseTimeHistogram other && buckets.equals(other.buckets);
    }

    @Override
    public int hashCode() {
        return buckets.hashCode();
    }

    @Override
    public String toString() {
        return "ResponseTimeHistogram" + buckets;
    }
}
