package io.jenkins.plugins.locust.threshold;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A measured quantity of an endpoint (or of all of them).
 *
 * @param name the canonical name ({@code p95}, {@code p99.9}, {@code avg}, {@code fail_ratio}, …)
 * @param kind what is measured
 * @param fraction the percentile as a fraction (0.95) for {@link Kind#PERCENTILE}, else 0
 */
public record Metric(String name, Kind kind, double fraction) {

    /** Metric names accepted besides percentiles, with their aliases. */
    private static final Map<String, Kind> NAMED = Map.ofEntries(
            Map.entry("avg", Kind.AVG),
            Map.entry("mean", Kind.AVG),
            Map.entry("min", Kind.MIN),
            Map.entry("max", Kind.MAX),
            Map.entry("median", Kind.PERCENTILE),
            Map.entry("fail_ratio", Kind.FAIL_RATIO),
            Map.entry("error_rate", Kind.FAIL_RATIO),
            Map.entry("failures", Kind.FAILURES),
            Map.entry("requests", Kind.REQUESTS),
            Map.entry("rps", Kind.RPS),
            Map.entry("failures_per_s", Kind.FAILURES_PER_S),
            Map.entry("exceptions", Kind.EXCEPTIONS));

    /** The metrics the reporter can check live on the master (the agreed abort-rule metrics). */
    public static final List<String> LIVE =
            List.of("p50", "p90", "p95", "p99", "avg", "max", "fail_ratio", "rps", "failures_per_s");

    /** How users are told which metrics exist. */
    public static final String KNOWN =
            "p50, p75, p90, p95, p99, p99.9, avg, min, max, fail_ratio, failures, requests, rps, failures_per_s,"
                    + " exceptions";

    /** What a metric measures, and in which unit. */
    public enum Kind {
        PERCENTILE(Unit.TIME),
        AVG(Unit.TIME),
        MIN(Unit.TIME),
        MAX(Unit.TIME),
        FAIL_RATIO(Unit.RATIO),
        FAILURES(Unit.COUNT),
        REQUESTS(Unit.COUNT),
        RPS(Unit.RATE),
        FAILURES_PER_S(Unit.RATE),
        /** Exceptions raised in user code, over the whole run (not per endpoint). */
        EXCEPTIONS(Unit.COUNT);

        private final Unit unit;

        Kind(Unit unit) {
            this.unit = unit;
        }

        public Unit unit() {
            return unit;
        }
    }

    public Unit unit() {
        return kind.unit();
    }

    /**
     * The metric with this name: a named one (aliases resolve to their canonical name) or {@code pN} with
     * 0 &lt; N &lt; 100, such as {@code p95} or {@code p99.9} ({@code p999} is read as p99.9).
     */
    public static Optional<Metric> named(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        if (name.equals("median")) {
            return Optional.of(percentile("50"));
        }
        if (name.equals("p999")) {
            return Optional.of(percentile("99.9"));
        }
        Kind kind = NAMED.get(name);
        if (kind != null) {
            return Optional.of(new Metric(canonical(kind), kind, 0));
        }
        if (name.matches("p\\d{1,2}(\\.\\d+)?") && Double.parseDouble(name.substring(1)) > 0) {
            return Optional.of(percentile(name.substring(1)));
        }
        return Optional.empty();
    }

    private static Metric percentile(String number) {
        String trimmed = number.replaceFirst("\\.0+$", "");
        return new Metric("p" + trimmed, Kind.PERCENTILE, Double.parseDouble(trimmed) / 100);
    }

    private static String canonical(Kind kind) {
        return switch (kind) {
            case AVG -> "avg";
            case MIN -> "min";
            case MAX -> "max";
            case FAIL_RATIO -> "fail_ratio";
            case FAILURES -> "failures";
            case REQUESTS -> "requests";
            case RPS -> "rps";
            case FAILURES_PER_S -> "failures_per_s";
            case EXCEPTIONS -> "exceptions";
            case PERCENTILE -> throw new IllegalArgumentException("percentiles are named by their number");
        };
    }

    /** The value of this metric for one endpoint's (or the aggregated) counters, in the canonical unit. */
    public double valueOf(EndpointStats stats) {
        return switch (kind) {
            case PERCENTILE -> stats.histogram().percentile(fraction);
            case AVG -> stats.avgMs();
            case MIN -> stats.requests() == 0 ? 0 : stats.minMs();
            case MAX -> stats.maxMs();
            case FAIL_RATIO -> stats.failRatio();
            case FAILURES -> stats.failures();
            case REQUESTS -> stats.requests();
            case RPS -> stats.rps();
            // Locust divides both counts by the same active period, so fail/s = rps × fail ratio.
            case FAILURES_PER_S -> stats.rps() * stats.failRatio();
            case EXCEPTIONS ->
                throw new IllegalArgumentException("exceptions count the whole run: use valueOf(result)");
        };
    }

    /** The value of this metric for the whole run: the endpoint metrics on all requests together. */
    public double valueOf(LoadTestResult result) {
        return kind == Kind.EXCEPTIONS ? result.exceptionCount() : valueOf(result.aggregated());
    }

    /** Whether the metric counts the whole run rather than requests, so it takes no endpoint. */
    public boolean resultWide() {
        return kind == Kind.EXCEPTIONS;
    }

    /** Whether the value means something without any request (counts do; times, ratios and rates do not). */
    public boolean definedWithoutRequests() {
        return kind == Kind.FAILURES || kind == Kind.REQUESTS || kind == Kind.EXCEPTIONS;
    }

    /** Whether the reporter on the master can check it live (see {@link #LIVE}). */
    public boolean live() {
        return LIVE.contains(name);
    }
}
