package io.jenkins.plugins.locust.report;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.result.StatsAggregation;
import io.jenkins.plugins.locust.threshold.ThresholdEvaluator;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Prints how long the reports take for a large run (a harness, never a pass/fail timer): {@code java -cp …
 * io.jenkins.plugins.locust.report.ReportBenchmark [endpoints] [minutes]}.
 */
final class ReportBenchmark {
    private ReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int endpointCount = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        LoadTestResult result = large(endpointCount, minutes);
        Verdict verdict = ThresholdEvaluator.evaluate(
                List.of("p95 < 800ms", "fail_ratio < 1%", "/e7: p99 < 2s", "p95 <= baseline + 10%"),
                result,
                Optional.of(result));
        Path out = Files.createTempDirectory("report-benchmark");
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            ReportWriter.writeAll(result, verdict, out);
            long written = System.nanoTime();
            LoadTestResult read = ResultJson.read(out.resolve(ReportWriter.RESULT));
            long readBack = System.nanoTime();
            String summary = ConsoleSummary.render(read, verdict);
            System.out.printf(
                    "round %d: writeAll %d ms, read result.json %d ms, summary %d lines; result.json %d KiB,"
                            + " report.html %d KiB%n",
                    round,
                    (written - start) / 1_000_000,
                    (readBack - written) / 1_000_000,
                    summary.lines().count(),
                    Files.size(out.resolve(ReportWriter.RESULT)) / 1024,
                    Files.size(out.resolve(ReportWriter.REPORT)) / 1024);
        }
        System.out.println("files in " + out);
    }

    /** {@code endpoints} endpoints of 2,000 requests each, and a snapshot every 2 s for {@code minutes}. */
    static LoadTestResult large(int endpoints, int minutes) {
        Random random = new Random(1);
        List<EndpointStats> stats = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            double[] times = random.doubles(2000, 5, 3000).toArray();
            stats.add(ResultFixtures.endpoint(i % 3 == 0 ? "POST" : "GET", "/e" + i, i % 7, minutes * 60.0, times));
        }
        List<Snapshot> timeline = new ArrayList<>();
        for (int t = 0; t <= minutes * 30; t++) {
            timeline.add(new Snapshot(
                    t * 2.0, 500, 4, 900 + random.nextInt(200), random.nextDouble(), 120, 700, 1400, t * 1900L, t));
        }
        LoadTestResult base = ResultFixtures.realistic();
        return new LoadTestResult(
                base.schemaVersion(),
                base.run(),
                StatsAggregation.combine("", EndpointStats.AGGREGATED, stats),
                stats,
                timeline,
                base.failures(),
                base.exceptions(),
                base.workers(),
                base.timings(),
                base.warnings());
    }
}
