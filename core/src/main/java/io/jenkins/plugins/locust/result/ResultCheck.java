package io.jenkins.plugins.locust.result;

import java.util.List;
import java.util.Map;

/**
 * Checks a result read from a file before anything renders or judges it: a hand-edited or partial result.json must
 * fail with the field to fix, never with a NullPointerException or "-2000.00 % failed PASSED".
 */
final class ResultCheck {
    private final String source;

    private ResultCheck(String source) {
        this.source = source;
    }

    static void check(LoadTestResult result, String source) throws ResultSchemaException {
        new ResultCheck(source).result(result);
    }

    private void result(LoadTestResult result) throws ResultSchemaException {
        require(result.run(), "run");
        require(result.aggregated(), "aggregated");
        stats(result.aggregated(), "aggregated");
        List<EndpointStats> endpoints = result.endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            stats(require(endpoints.get(i), "endpoints[" + i + "]"), "endpoints[" + i + "]");
        }
        List<Snapshot> timeline = result.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            Snapshot snapshot = require(timeline.get(i), "timeline[" + i + "]");
            String at = "timeline[" + i + "]";
            notNegative(snapshot.totalRequests(), at + ".totalRequests");
            notNegative(snapshot.totalFailures(), at + ".totalFailures");
            notNegative(snapshot.users(), at + ".users");
            atMost(snapshot.totalFailures(), snapshot.totalRequests(), at + ".totalFailures", at + ".totalRequests");
        }
        for (int i = 0; i < result.failures().size(); i++) {
            notNegative(
                    require(result.failures().get(i), "failures[" + i + "]").occurrences(),
                    "failures[" + i + "].occurrences");
        }
        for (int i = 0; i < result.exceptions().size(); i++) {
            notNegative(
                    require(result.exceptions().get(i), "exceptions[" + i + "]").count(),
                    "exceptions[" + i + "].count");
        }
        for (int i = 0; i < result.workers().size(); i++) {
            require(result.workers().get(i), "workers[" + i + "]");
        }
        notNegative(result.run().users(), "run.users");
        notNegative(result.run().expectedWorkers(), "run.expectedWorkers");
    }

    private void stats(EndpointStats stats, String at) throws ResultSchemaException {
        notNegative(stats.requests(), at + ".requests");
        notNegative(stats.failures(), at + ".failures");
        atMost(stats.failures(), stats.requests(), at + ".failures", at + ".requests");
        notNegative(stats.totalMs(), at + ".totalMs");
        notNegative(stats.rps(), at + ".rps");
        require(stats.percentiles(), at + ".percentiles");
        ResponseTimeHistogram histogram = require(stats.histogram(), at + ".histogram");
        for (Map.Entry<Long, Long> bucket : histogram.buckets().entrySet()) {
            if (bucket.getKey() < 0 || bucket.getValue() < 0) {
                throw error(
                        at + ".histogram",
                        "holds a negative bucket (" + bucket.getKey() + " ms: " + bucket.getValue()
                                + "); response times and counts are never negative");
            }
        }
    }

    private <T> T require(T value, String field) throws ResultSchemaException {
        if (value == null) {
            throw error(field, "is missing or null; a result written by a run always has it");
        }
        return value;
    }

    private void notNegative(double value, String field) throws ResultSchemaException {
        if (value < 0 || Double.isNaN(value)) {
            throw error(field, "is " + format(value) + ", but it counts or measures something and is never negative");
        }
    }

    private void atMost(long part, long whole, String partField, String wholeField) throws ResultSchemaException {
        if (part > whole) {
            throw error(
                    partField,
                    "is " + part + ", more than " + wholeField + " (" + whole + "); failures are a part"
                            + " of the requests");
        }
    }

    private ResultSchemaException error(String field, String problem) {
        return new ResultSchemaException(source + ": " + field + " " + problem + ". The file was changed or cut"
                + " short; use the result.json a run wrote.");
    }

    private static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value)
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
