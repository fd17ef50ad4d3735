package io.jenkins.plugins.locust.page;

import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code loadTest} step returns to a Pipeline script: plain String, Number, Boolean, List and Map values only,
 * so that scripted and sandboxed Pipelines read it with {@code r.p95} or {@code r.thresholds[0].status} and it
 * serializes with the program.
 */
public final class StepResultMap {
    private StepResultMap() {}

    /**
     * @param reportUrl the report page's URL relative to Jenkins' root ({@code job/shop/42/locust-checkout/})
     */
    public static Map<String, Object> of(RunSummary summary, Verdict verdict, String reportUrl) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", summary.verdict());
        map.put("passed", !"FAILED".equals(summary.verdict()));
        map.put("requests", summary.requests());
        map.put("failures", summary.failures());
        map.put("failRatio", summary.failRatio());
        map.put("rps", summary.rps());
        map.put("p50", summary.p50Ms());
        map.put("p95", summary.p95Ms());
        map.put("p99", summary.p99Ms());
        map.put("durationSeconds", summary.durationSeconds());
        map.put("users", summary.users());
        map.put("workers", summary.workers());
        map.put("reportUrl", reportUrl);
        map.put("thresholds", rows(verdict.outcomes()));
        map.put("guardRails", rows(verdict.guardRails()));
        return map;
    }

    private static List<Object> rows(List<ThresholdOutcome> outcomes) {
        List<Object> rows = new ArrayList<>();
        for (ThresholdOutcome outcome : outcomes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("expression", outcome.expression());
            row.put("status", outcome.status().name());
            row.put("severity", outcome.severity().name());
            row.put("actual", outcome.actual());
            row.put("limit", outcome.limit());
            row.put("message", outcome.message());
            rows.add(row);
        }
        return rows;
    }
}
