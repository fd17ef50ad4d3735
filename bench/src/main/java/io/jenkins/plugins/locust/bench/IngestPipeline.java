package io.jenkins.plugins.locust.bench;

import io.jenkins.plugins.locust.page.PageFiles;
import io.jenkins.plugins.locust.page.ReportPages;
import io.jenkins.plugins.locust.report.ReportWriter;
import io.jenkins.plugins.locust.reporter.ReporterEvents;
import io.jenkins.plugins.locust.reporter.ResultCollector;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.threshold.ThresholdEvaluator;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the engine does with a master's output once the run is over (figure 4): every line through the real protocol
 * parser into a {@link ResultCollector}, the result, the verdict (guard rails and thresholds), then the files a run
 * leaves: result.json, report.html, report.css, junit.xml (ReportWriter) and the Jenkins page's page.json.
 */
public final class IngestPipeline {
    /** The thresholds of a typical gate: absolute, per endpoint and against a baseline. */
    public static final List<String> THRESHOLDS = List.of(
            "p95 < 800ms", "fail_ratio < 1%", "/api/v1/resource-7: p99 < 2s", "rps > 500", "p95 <= baseline + 10%");

    private final LoadTestSpec spec;

    public IngestPipeline(Path scratch) throws IOException {
        spec = LoadTestSpec.builder()
                .script(TestLocustfiles.write(scratch, TestLocustfiles.TARGET_USERS)
                        .toString())
                .users(SyntheticRun.USERS)
                .slaves(SyntheticRun.WORKERS)
                .runTime("60m")
                .host("http://127.0.0.1:8080")
                .thresholds(THRESHOLDS)
                .build();
    }

    /** The result of these master lines, as {@code LoadTestRunner} builds it. */
    public LoadTestResult ingest(Iterable<String> lines) {
        ResultCollector collector = new ResultCollector(spec, Clock.systemUTC());
        collector.launched();
        for (String line : lines) {
            ReporterEvents.parse(line).ifPresent(collector::accept);
        }
        return collector.result("shop-1-x7k2", "local", 0);
    }

    /** The verdict and every file of the run in {@code out}; the result doubles as its own baseline. */
    public Verdict report(LoadTestResult result, Path out) throws IOException {
        Verdict verdict = ThresholdEvaluator.judge(THRESHOLDS, result, Optional.of(result));
        ReportWriter.writeAll(result, verdict, out);
        PageFiles.write(ReportPages.of(result, verdict, Optional.empty()), out);
        return verdict;
    }
}
