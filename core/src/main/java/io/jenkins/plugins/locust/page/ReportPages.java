package io.jenkins.plugins.locust.page;

import io.jenkins.plugins.locust.report.ChartModel;
import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResponseTimeHistogram;
import io.jenkins.plugins.locust.result.Timings;
import io.jenkins.plugins.locust.result.WorkerInfo;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.trend.Comparison;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds the report page's and the live view's JSON from a result (Jenkins-free, so it is tested on its JSON). */
public final class ReportPages {
    /** Above this, a load generator's own CPU may be what the run measured. */
    public static final double CPU_BOUND_PERCENT = 90;
    /** At most this many bars in the response-time distribution. */
    static final int MAX_BARS = 40;

    private ReportPages() {}

    public static ReportPage of(LoadTestResult result, Verdict verdict, Optional<Comparison> baseline) {
        List<ReportPage.EndpointRow> endpoints = new ArrayList<>();
        endpoints.add(row(result.aggregated()));
        result.endpoints().forEach(e -> endpoints.add(row(e)));
        return new ReportPage(
                RunSummary.of(result, verdict),
                new ReportPage.Run(
                        result.run().runId(),
                        result.run().backend(),
                        result.run().locustVersion(),
                        result.run().host(),
                        result.run().abortReason()),
                verdict.outcomes().stream()
                        .map(o -> new ReportPage.ThresholdRow(
                                o.expression(),
                                o.status().name(),
                                o.severity().name(),
                                o.actual(),
                                o.limit(),
                                o.message()))
                        .toList(),
                endpoints,
                ChartModel.of(result.timeline()),
                distribution(result.aggregated().histogram()),
                result.failures(),
                result.exceptions(),
                result.workers().stream().map(ReportPages::worker).toList(),
                phases(result.timings()),
                result.warnings(),
                baseline.orElse(null));
    }

    private static ReportPage.EndpointRow row(EndpointStats e) {
        return new ReportPage.EndpointRow(
                e.key(),
                e.requests(),
                e.failures(),
                e.failRatio(),
                e.rps(),
                e.avgMs(),
                e.minMs(),
                e.maxMs(),
                e.percentiles().p50(),
                e.percentiles().p90(),
                e.percentiles().p95(),
                e.percentiles().p99());
    }

    /** Locust's first CPU sample is 0 and it samples every few seconds: 0 means "not measured", not idle. */
    private static ReportPage.WorkerRow worker(WorkerInfo w) {
        Double cpu = w.maxCpuPercent() != null && w.maxCpuPercent() > 0 ? w.maxCpuPercent() : null;
        return new ReportPage.WorkerRow(
                w.id(), w.state(), w.users(), cpu, cpu != null && cpu > CPU_BOUND_PERCENT, w.lost());
    }

    private static List<ReportPage.Phase> phases(Timings t) {
        Instant launched = t.launched();
        return Stream.of(
                        Map.entry("launched", Optional.ofNullable(t.launched())),
                        Map.entry("all workers connected", Optional.ofNullable(t.gateOpened())),
                        Map.entry("all users running", Optional.ofNullable(t.rampedUp())),
                        Map.entry("stopped", Optional.ofNullable(t.stopped())))
                .filter(e -> e.getValue().isPresent())
                .map(e -> new ReportPage.Phase(
                        e.getKey(),
                        e.getValue().get().toString(),
                        launched == null
                                ? null
                                : Duration.between(launched, e.getValue().get()).toMillis() / 1000.0))
                .toList();
    }

    /**
     * The merged histogram as at most {@link #MAX_BARS} bars: one per Locust bucket when there are few, else bars of
     * equal width on a log scale (response times spread over orders of magnitude).
     */
    static List<ReportPage.Bucket> distribution(ResponseTimeHistogram histogram) {
        NavigableMap<Long, Long> buckets = histogram.buckets();
        List<ReportPage.Bucket> bars = new ArrayList<>();
        if (buckets.isEmpty()) {
            return bars;
        }
        if (buckets.size() <= MAX_BARS) {
            buckets.forEach((ms, count) -> {
                Long next = buckets.higherKey(ms);
                bars.add(new ReportPage.Bucket(ms, next == null ? ms + 1 : next, count));
            });
            return bars;
        }
        double low = Math.log(Math.max(1, buckets.firstKey()));
        double high = Math.log(buckets.lastKey() + 1);
        long from = buckets.firstKey();
        for (int i = 1; i <= MAX_BARS && from <= buckets.lastKey(); i++) {
            long to = i == MAX_BARS
                    ? buckets.lastKey() + 1
                    : Math.max(from + 1, Math.round(Math.exp(low + (high - low) * i / MAX_BARS)));
            long count = buckets.subMap(from, true, to, false).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            bars.add(new ReportPage.Bucket(from, to, count));
            from = to;
        }
        return bars;
    }
}
