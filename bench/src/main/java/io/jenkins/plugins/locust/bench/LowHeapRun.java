package io.jenkins.plugins.locust.bench;

import io.jenkins.plugins.locust.result.LoadTestResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Figure 4's workload once, in a JVM of its own started with {@code -Xmx64m} by {@link BenchMain}: streams the master
 * output from a file, line by line as the runner reads a process, and prints the peak heap of every heap pool.
 * Arguments: the master output file, the output folder.
 */
public final class LowHeapRun {
    private LowHeapRun() {}

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path out = Path.of(args[1]);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        IngestPipeline pipeline = new IngestPipeline(Files.createTempDirectory("bench-lowheap"));
        LoadTestResult result;
        try (Stream<String> lines = Files.lines(input)) {
            result = pipeline.ingest(lines::iterator);
        }
        pipeline.report(result, out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        long max = Runtime.getRuntime().maxMemory();
        System.out.println("lowheap completed=true millis=" + millis + " peakHeapBytes=" + peak + " maxHeapBytes=" + max
                + " requests=" + result.aggregated().requests());
    }
}
