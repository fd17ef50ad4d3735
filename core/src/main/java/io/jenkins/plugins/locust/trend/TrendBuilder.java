package io.jenkins.plugins.locust.trend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the trend charts of a job from the summaries of its builds only (never a result file), so that the job page
 * stays fast with thousands of builds: the newest {@code maxBuilds} builds that have a report, every report name
 * as its own series.
 */
public final class TrendBuilder {
    /** The charts a job page shows by default. */
    public static final List<TrendMetric> DEFAULT_METRICS =
            List.of(TrendMetric.RPS, TrendMetric.P95, TrendMetric.P99, TrendMetric.FAIL_RATIO);

    private TrendBuilder() {}

    public static TrendModel build(List<BuildRun> runs, int maxBuilds) {
        return build(runs, maxBuilds, DEFAULT_METRICS);
    }

    /**
     * @param runs in any order; a (build, report) pair given twice keeps the last one
     * @param maxBuilds how many of the newest builds to show; at least 1
     */
    public static TrendModel build(List<BuildRun> runs, int maxBuilds, List<TrendMetric> metrics) {
        if (maxBuilds < 1) {
            throw new IllegalArgumentException("maxBuilds must be at least 1, was " + maxBuilds);
        }
        TreeSet<Integer> newest = new TreeSet<>();
        for (BuildRun run : runs) {
            newest.add(run.build());
            if (newest.size() > maxBuilds) {
                newest.pollFirst();
            }
        }
        List<Integer> builds = List.copyOf(newest);
        Map<Integer, Integer> column = new HashMap<>();
        for (int i = 0; i < builds.size(); i++) {
            column.put(builds.get(i), i);
        }
        Set<String> reports = new LinkedHashSet<>();
        Map<String, RunSummary[]> byReport = new HashMap<>();
        runs.stream()
                .filter(run -> column.containsKey(run.build()))
                .sorted((a, b) -> Integer.compare(a.build(), b.build()))
                .forEach(run -> {
                    reports.add(run.report());
                    byReport.computeIfAbsent(run.report(), r -> new RunSummary[builds.size()])[
                                    column.get(run.build())] =
                            run.summary();
                });
        List<TrendModel.Chart> charts = new ArrayList<>();
        for (TrendMetric metric : metrics) {
            List<TrendModel.Series> series = new ArrayList<>();
            for (String report : reports) {
                List<Double> values = new ArrayList<>();
                for (RunSummary summary : byReport.get(report)) {
                    values.add(summary == null ? null : summary.value(metric));
                }
                series.add(new TrendModel.Series(report, values));
            }
            charts.add(new TrendModel.Chart(metric.id(), metric.title(), metric.unit(), series));
        }
        return new TrendModel(builds, charts);
    }
}
