package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.testing.BenchFigure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Figure 7 of {@code make bench} (docs/performance.md) from {@link KubernetesScaleIT}'s runs: one row per worker
 * count, and the engine's threads and heap at 500 workers next to 100.
 */
final class ScaleFigures {
    private ScaleFigures() {}

    /**
     * @param retainedHeapBytes JVM heap in use after a full GC at the gate, minus the same before the launch: the run's
     *     retained objects, and the in-JVM test kubelet's per-pod state with them
     * @param engineAllocatedBytes bytes allocated by the engine's own threads: the caller's start() and close(), and
     *     the run's loadtest-k8s-* threads (OkHttp's, shared with the test kubelet, are not counted)
     * @param podBytes heap held by one worker Pod object as the client decodes it (a list of the run's worker pods,
     *     held across a full GC, divided by their number)
     * @param managedFieldsBytes how much of that is {@code metadata.managedFields} (server-side apply bookkeeping)
     */
    record Measured(
            int workers,
            long gateMillis,
            long cleanupMillis,
            int backendThreads,
            int httpThreads,
            int apiCalls,
            long retainedHeapBytes,
            long engineAllocatedBytes,
            long podBytes,
            long managedFieldsBytes) {}

    static void write(Path out, List<Measured> hundreds, List<Measured> fiveHundreds) throws IOException {
        for (List<Measured> runs : List.of(hundreds, fiveHundreds)) {
            int workers = runs.get(0).workers();
            new BenchFigure(
                            "7-" + workers,
                            "cluster scale: launch + gate, " + workers + " workers",
                            median(runs, Measured::gateMillis) / 1000.0,
                            "s",
                            range(runs, m -> m.gateMillis() / 1000.0, "%.1f", " s"),
                            runs.size(),
                            "report (threads and heap: rows 7 threads, 7 heap)",
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "medians: close (the run's close(): deletion and stop) %.1f s, %.0f API"
                                            + " calls by the run, engine threads %.0f,"
                                            + " OkHttp threads %.0f (shared with the test kubelet)",
                                    median(runs, Measured::cleanupMillis) / 1000.0,
                                    median(runs, Measured::apiCalls),
                                    median(runs, Measured::backendThreads),
                                    median(runs, Measured::httpThreads)))
                    .write(out);
        }
        double threads100 = median(hundreds, Measured::backendThreads);
        double threads500 = median(fiveHundreds, Measured::backendThreads);
        new BenchFigure(
                        "7-threads",
                        "cluster scale: peak engine threads at 500 workers",
                        threads500,
                        "threads",
                        range(fiveHundreds, Measured::backendThreads, "%.0f", ""),
                        fiveHundreds.size(),
                        "independent of worker count (500 ≤ 100)",
                        threads500 <= threads100,
                        String.format(
                                Locale.ROOT,
                                "loadtest-k8s-* threads, medians: 100 workers %.0f, 500 workers %.0f;"
                                        + " OkHttp 100: %.0f, 500: %.0f (one pool for every client in the JVM,"
                                        + " the test kubelet's included)",
                                threads100,
                                threads500,
                                median(hundreds, Measured::httpThreads),
                                median(fiveHundreds, Measured::httpThreads)))
                .write(out);
        double alloc100 = median(hundreds, Measured::engineAllocatedBytes) / 1048576.0;
        double alloc500 = median(fiveHundreds, Measured::engineAllocatedBytes) / 1048576.0;
        double heap100 = median(hundreds, Measured::retainedHeapBytes) / 1048576.0;
        double heap500 = median(fiveHundreds, Measured::retainedHeapBytes) / 1048576.0;
        double podKiB = median(fiveHundreds, Measured::podBytes) / 1024.0;
        double managedKiB = median(fiveHundreds, Measured::managedFieldsBytes) / 1024.0;
        new BenchFigure(
                        "7-heap",
                        "cluster scale: engine allocation launch to close at 500 workers",
                        Math.round(alloc500 * 10) / 10.0,
                        "MiB",
                        range(fiveHundreds, m -> m.engineAllocatedBytes() / 1048576.0, "%.1f", " MiB"),
                        fiveHundreds.size(),
                        "independent of worker count (500 ≤ 1.25 × 100)",
                        alloc500 <= 1.25 * alloc100,
                        String.format(
                                Locale.ROOT,
                                "engine threads' allocation, medians: 100 workers %.1f MiB, 500 workers %.1f MiB"
                                        + " (×%.1f); heap retained at the gate after a full GC (whole test JVM,"
                                        + " in-JVM test kubelet included): 100 workers %.1f MiB, 500 workers"
                                        + " %.1f MiB; one worker Pod object holds %.1f KiB (managedFields %.1f KiB"
                                        + " of it); the engine's pod informer caches each pod of the run without its"
                                        + " managedFields (LeanPodStore): %.1f MiB more at 500 workers than at 100",
                                alloc100,
                                alloc500,
                                alloc100 == 0 ? 0 : alloc500 / alloc100,
                                heap100,
                                heap500,
                                podKiB,
                                managedKiB,
                                (podKiB - managedKiB) * 400 / 1024))
                .write(out);
    }

    private static double median(List<Measured> runs, ToDoubleFunction<Measured> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String range(List<Measured> runs, ToDoubleFunction<Measured> value, String format, String unit) {
        double min = runs.stream().mapToDouble(value).min().orElse(0);
        double max = runs.stream().mapToDouble(value).max().orElse(0);
        return String.format(Locale.ROOT, format + "–" + format + "%s over %d runs", min, max, unit, runs.size());
    }
}
