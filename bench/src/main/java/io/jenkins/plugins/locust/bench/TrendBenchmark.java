package io.jenkins.plugins.locust.bench;

import io.jenkins.plugins.locust.page.PageJson;
import io.jenkins.plugins.locust.page.TrendPage;
import io.jenkins.plugins.locust.report.ReportWriter;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.trend.BuildRun;
import io.jenkins.plugins.locust.trend.ComparisonBuilder;
import io.jenkins.plugins.locust.trend.RunSummary;
import io.jenkins.plugins.locust.trend.TrendBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 5: the job page's trend from 1,000 build summaries (as build.xml keeps them) to its JSON, and the compare
 * page: two builds' result.json files (figure 4's one-hour runs, 50 endpoints) read, compared, written as JSON.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrendBenchmark {
    public static final int BUILDS = 1000;

    private List<BuildRun> runs;
    private Path base;
    private Path current;
    private Verdict baseVerdict;
    private Verdict currentVerdict;

    @Setup
    public void setUp() throws IOException {
        Random random = new Random(5);
        runs = new ArrayList<>();
        for (int build = 1; build <= BUILDS; build++) {
            runs.add(new BuildRun(build, "shop", summary(random)));
            if (build % 10 == 0) {
                runs.add(new BuildRun(build, "search", summary(random)));
            }
        }
        Path scratch = Files.createTempDirectory("bench-trend");
        IngestPipeline pipeline = new IngestPipeline(scratch);
        base = scratch.resolve("base");
        current = scratch.resolve("current");
        baseVerdict = pipeline.report(pipeline.ingest(SyntheticRun.lines(1)), base);
        currentVerdict = pipeline.report(pipeline.ingest(SyntheticRun.lines(2)), current);
    }

    private static RunSummary summary(Random random) {
        long requests = 3_000_000 + random.nextInt(500_000);
        long failures = random.nextInt(5000);
        return new RunSummary(
                RunSummary.SCHEMA_VERSION,
                random.nextInt(20) == 0 ? "UNSTABLE" : "PASSED",
                requests,
                failures,
                (double) failures / requests,
                900 + random.nextDouble() * 100,
                40 + random.nextInt(20),
                400 + random.nextInt(100),
                900 + random.nextInt(400),
                3600,
                500,
                4,
                4,
                0,
                random.nextInt(2),
                1);
    }

    @Benchmark
    public String trendPage() {
        return PageJson.write(new TrendPage(TrendBuilder.build(runs, BUILDS), Map.of("shop", "locust-shop")));
    }

    @Benchmark
    public String comparePage() throws IOException {
        LoadTestResult before = ResultJson.read(base.resolve(ReportWriter.RESULT));
        LoadTestResult after = ResultJson.read(current.resolve(ReportWriter.RESULT));
        return PageJson.write(ComparisonBuilder.compare(
                new ComparisonBuilder.Side(1, before, baseVerdict),
                new ComparisonBuilder.Side(2, after, currentVerdict)));
    }
}
