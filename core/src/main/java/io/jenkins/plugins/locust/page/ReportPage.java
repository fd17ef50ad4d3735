package io.jenkins.plugins.locust.page;

import io.jenkins.plugins.locust.report.ChartModel;
import io.jenkins.plugins.locust.result.ExceptionEntry;
import io.jenkins.plugins.locust.result.FailureEntry;
import io.jenkins.plugins.locust.trend.Comparison;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.util.List;

/**
 * Everything the build's report page in Jenkins shows, as one JSON document that the page's script fetches and draws
 * (interactive charts need data, and Jenkins' CSP forbids putting it inline). Built from the full result on demand.
 *
 * @param baseline the comparison with the baseline build, or null when there is none
 */
public record ReportPage(
        RunSummary summary,
        Run run,
        List<ThresholdRow> thresholds,
        List<EndpointRow> endpoints,
        List<ChartModel.Chart> charts,
        List<Bucket> distribution,
        List<FailureEntry> failures,
        List<ExceptionEntry> exceptions,
        List<WorkerRow> workers,
        List<Phase> timings,
        List<String> warnings,
        Comparison baseline) {

    public ReportPage {
        thresholds = List.copyOf(thresholds);
        endpoints = List.copyOf(endpoints);
        charts = List.copyOf(charts);
        distribution = List.copyOf(distribution);
        failures = List.copyOf(failures);
        exceptions = List.copyOf(exceptions);
        workers = List.copyOf(workers);
        timings = List.copyOf(timings);
        warnings = List.copyOf(warnings);
    }

    /** What ran: where, with which Locust, against which host. */
    public record Run(String runId, String backend, String locustVersion, String host, String abortReason) {}

    /** One threshold or guard rail with its outcome. */
    public record ThresholdRow(
            String expression, String status, String severity, String actual, String limit, String message) {}

    /** One endpoint (or the aggregated row, first) of the per-endpoint table; times in ms. */
    public record EndpointRow(
            String endpoint,
            long requests,
            long failures,
            double failRatio,
            double rps,
            double avgMs,
            double minMs,
            double maxMs,
            long p50Ms,
            long p90Ms,
            long p95Ms,
            long p99Ms) {}

    /** Requests whose response time fell in [fromMs, toMs). */
    public record Bucket(long fromMs, long toMs, long requests) {}

    /**
     * @param maxCpuPercent null when Locust never measured it (its first sample is always 0)
     * @param cpuBound true when the generator's CPU passed 90 %: the numbers may measure the generator, not the target
     */
    public record WorkerRow(String id, String state, int users, Double maxCpuPercent, boolean cpuBound, boolean lost) {}

    /** When a phase of the run began (ISO-8601), and seconds after launch. */
    public record Phase(String name, String at, Double secondsAfterLaunch) {}
}
