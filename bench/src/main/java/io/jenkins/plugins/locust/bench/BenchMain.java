package io.jenkins.plugins.locust.bench;

import io.jenkins.plugins.locust.jenkins.actions.BuildXmlFootprint;
import io.jenkins.plugins.locust.report.ReportWriter;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.testing.BenchFigure;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Figures 4 to 6 of {@code make bench}: the JMH benchmarks in {@code bench.rounds} rounds (each round runs every
 * benchmark once, so the rounds interleave them), the -Xmx64m run and the footprints; writes one figure file per row
 * into the folder given as the only argument. Prints, never asserts: a missed goal is a finding, not a failure.
 */
public final class BenchMain {
    private static final Pattern LOW_HEAP = Pattern.compile("completed=true millis=(\\d+) peakHeapBytes=(\\d+)");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
        Files.createDirectories(out);
        int rounds = Integer.getInteger("bench.rounds", 2);

        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("bench round %d of %d (JMH: 1 fork, 3 × 1 s warm-up, 5 × 1 s measured)%n", round, rounds);
            for (RunResult result : jmh()) {
                String benchmark = result.getParams().getBenchmark();
                List<Double> scores = millis.computeIfAbsent(
                        benchmark.substring(benchmark.lastIndexOf('.') + 1), b -> new ArrayList<>());
                for (BenchmarkResult fork : result.getBenchmarkResults()) {
                    for (IterationResult iteration : fork.getIterationResults()) {
                        scores.add(iteration.getPrimaryResult().getScore());
                    }
                }
            }
        }
        timed(out, "4", "ingest + report (1 h run: 1,800 snapshots, 50 endpoints)", millis.get("ingestAndReport"), 500);
        timed(out, "5-trend", "trend page (1,000 build summaries → model → JSON)", millis.get("trendPage"), 200);
        timed(out, "5-compare", "compare page (two 1 h result.json → table → JSON)", millis.get("comparePage"), 200);

        Path scratch = Files.createTempDirectory("bench-main");
        Path input = out.resolve("synthetic-run.out");
        Files.write(input, SyntheticRun.lines(1), StandardCharsets.UTF_8);
        lowHeap(out, input, scratch.resolve("lowheap"));
        footprint(out, scratch);
    }

    private static Collection<RunResult> jmh() throws RunnerException {
        return new Runner(new OptionsBuilder()
                        .include(IngestBenchmark.class.getName())
                        .include(TrendBenchmark.class.getName())
                        .forks(1)
                        .warmupIterations(3)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(5)
                        .measurementTime(TimeValue.seconds(1))
                        .timeUnit(TimeUnit.MILLISECONDS)
                        .shouldFailOnError(true)
                        .build())
                .run();
    }

    private static void timed(Path out, String id, String name, List<Double> scores, double goalMillis)
            throws IOException {
        List<Double> sorted = scores.stream().sorted().toList();
        double median = median(sorted);
        new BenchFigure(
                        id,
                        name,
                        round(median),
                        "ms",
                        String.format(
                                Locale.ROOT,
                                "%.1f–%.1f ms over %d JMH iterations",
                                sorted.get(0),
                                sorted.get(sorted.size() - 1),
                                sorted.size()),
                        sorted.size(),
                        String.format(Locale.ROOT, "≤ %.0f ms", goalMillis),
                        median <= goalMillis,
                        "median of per-iteration averages (ms/op), JMH 1.37, iterations: "
                                + sorted.stream()
                                        .map(s -> String.format(Locale.ROOT, "%.1f", s))
                                        .toList())
                .write(out);
    }

    /** Figure 4's workload once more, in a JVM of 64 MiB heap: does it complete, and how much heap does it use. */
    private static void lowHeap(Path out, Path input, Path folder) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LowHeapRun.class.getName(),
                        input.toString(),
                        folder.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        int exit = ended ? process.exitValue() : -1;
        Matcher matcher = LOW_HEAP.matcher(output);
        boolean completed = exit == 0 && matcher.find();
        double peakMiB = completed ? Long.parseLong(matcher.group(2)) / 1048576.0 : 0;
        String detail = completed
                ? String.format(
                        Locale.ROOT,
                        "completed (exit 0) in %s ms, one cold run in a fresh JVM; peak heap %.1f MiB of 64"
                                + " (MemoryPoolMXBean peaks, all heap pools)",
                        matcher.group(1),
                        peakMiB)
                : "did not complete: exit " + exit + ", last output: "
                        + output.substring(Math.max(0, output.length() - 400)).strip();
        new BenchFigure(
                        "4-xmx64m",
                        "figure 4's workload with -Xmx64m: peak heap",
                        round(peakMiB),
                        "MiB",
                        "1 run",
                        1,
                        "completes with -Xmx64m",
                        completed,
                        detail)
                .write(out);
    }

    private static void footprint(Path out, Path scratch) throws IOException {
        IngestPipeline pipeline = new IngestPipeline(scratch);
        LoadTestResult result = pipeline.ingest(SyntheticRun.lines(1));
        Path folder = scratch.resolve("run");
        Verdict verdict = pipeline.report(result, folder);
        int xml = BuildXmlFootprint.bytes(scratch.resolve("jenkins"), result, verdict);
        new BenchFigure(
                        "6-build-xml",
                        "bytes LoadTestBuildAction adds to build.xml",
                        xml,
                        "bytes",
                        "deterministic (1 run)",
                        1,
                        "< 2 KB (2,048 bytes)",
                        xml < 2048,
                        "the real action completed with figure 4's result and "
                                + verdict.outcomes().size()
                                + " thresholds, written by XStream 1.4.21 as LoadTestBuildActionTest does")
                .write(out);
        long json = Files.size(folder.resolve(ReportWriter.RESULT));
        new BenchFigure(
                        "6-result-json",
                        "result.json of figure 4's 1 h run",
                        round(json / 1024.0),
                        "KiB",
                        "deterministic (1 run)",
                        1,
                        "report the size",
                        null,
                        String.format(
                                Locale.ROOT,
                                "%d bytes (indented JSON: 1,800 snapshots, 50 endpoint histograms); report.html %d"
                                        + " bytes, page.json %d bytes, junit.xml %d bytes",
                                json,
                                Files.size(folder.resolve(ReportWriter.REPORT)),
                                Files.size(folder.resolve("page.json")),
                                Files.size(folder.resolve(ReportWriter.JUNIT))))
                .write(out);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
