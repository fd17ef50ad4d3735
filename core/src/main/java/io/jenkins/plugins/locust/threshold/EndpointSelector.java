package io.jenkins.plugins.locust.threshold;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.StatsAggregation;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds the counters a threshold talks about: all requests, one endpoint, or every method of one name. */
final class EndpointSelector {
    private EndpointSelector() {}

    /**
     * @param endpoint {@code "GET /x"} (that endpoint), {@code "/x"} (all methods of that name, combined), or null
     *     (the aggregated counters)
     */
    static Optional<EndpointStats> select(LoadTestResult result, String endpoint) {
        if (endpoint == null) {
            return Optional.of(result.aggregated());
        }
        List<EndpointStats> matching = result.endpoints().stream()
                .filter(e -> e.key().equals(endpoint) || e.name().equals(endpoint))
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(matching.size() == 1 ? matching.get(0) : StatsAggregation.combine("", endpoint, matching));
    }

    /** The endpoints of a run, for messages: {@code GET /a, POST /b}, or {@code none}. */
    static String known(LoadTestResult result) {
        String keys = result.endpoints().stream().map(EndpointStats::key).collect(Collectors.joining(", "));
        return keys.isEmpty() ? "none" : keys;
    }
}
