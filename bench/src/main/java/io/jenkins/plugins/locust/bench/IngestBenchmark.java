package io.jenkins.plugins.locust.bench;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Figure 4: a one-hour run's master output → parse, result, verdict, result.json, report.html, junit.xml. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IngestBenchmark {
    private List<String> lines;
    private IngestPipeline pipeline;
    private Path out;

    @Setup
    public void setUp() throws IOException {
        lines = SyntheticRun.lines(1);
        Path scratch = Files.createTempDirectory("bench-ingest");
        pipeline = new IngestPipeline(scratch);
        out = scratch.resolve("out");
    }

    @Benchmark
    public Verdict ingestAndReport() throws IOException {
        LoadTestResult result = pipeline.ingest(lines);
        return pipeline.report(result, out);
    }
}
