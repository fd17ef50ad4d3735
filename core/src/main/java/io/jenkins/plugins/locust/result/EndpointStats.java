package io.jenkins.plugins.locust.result;

/**
 * Counters of one endpoint (method + name), or of all of them ({@code method = ""}, {@code name = "Aggregated"}).
 * Ratios are request-weighted; percentiles come from the histogram.
 *
 * @param rps requests per second over the endpoint's active period, as Locust computes {@code total_rps}
 */
public record EndpointStats(
        String method,
        String name,
        long requests,
        long failures,
        double minMs,
        double maxMs,
        double totalMs,
        long contentBytes,
        double rps,
        Percentiles percentiles,
        ResponseTimeHistogram histogram) {

    public static final String AGGREGATED = "Aggregated";

    public double avgMs() {
        return requests == 0 ? 0 : totalMs / requests;
    }

    /** Failures over all requests of this endpoint (0 when nothing was sent). */
    public double failRatio() {
        return requests == 0 ? 0 : (double) failures / requests;
    }

    /** "GET /api/cart", or just the name when there is no method (the aggregated row). */
    public String key() {
        return method == null || method.isEmpty() ? name : method + " " + name;
    }
}
