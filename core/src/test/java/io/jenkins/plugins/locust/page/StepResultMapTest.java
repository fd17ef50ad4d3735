package io.jenkins.plugins.locust.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepResultMapTest {
    private static final Verdict UNSTABLE = new Verdict(
            VerdictStatus.UNSTABLE,
            List.of(new ThresholdOutcome(
                    "workers == 2", "2", "== 2", OutcomeStatus.PASSED, Severity.FAILURE, "all workers ran")),
            List.of(new ThresholdOutcome(
                    "p95 < 800ms unstable",
                    "1.5 s",
                    "< 800 ms",
                    OutcomeStatus.FAILED,
                    Severity.UNSTABLE,
                    "p95 is 1.5 s")));

    @Test
    void shouldGiveTheRunsNumbersAndThresholdsAsPlainValues() {
        // given
        LoadTestResult result = ResultFixtures.realistic();
        RunSummary summary = RunSummary.of(result, UNSTABLE);

        // when
        Map<String, Object> map = StepResultMap.of(summary, UNSTABLE, "job/shop/42/locust-checkout/");

        // then the numbers are the aggregated row's
        assertThat(map)
                .containsEntry("verdict", "UNSTABLE")
                .containsEntry("passed", true)
                .containsEntry("requests", result.aggregated().requests())
                .containsEntry("failRatio", result.aggregated().failRatio())
                .containsEntry("rps", result.aggregated().rps())
                .containsEntry("p50", result.aggregated().percentiles().p50())
                .containsEntry("p95", result.aggregated().percentiles().p95())
                .containsEntry("p99", result.aggregated().percentiles().p99())
                .containsEntry("reportUrl", "job/shop/42/locust-checkout/");
        assertThat(map.get("thresholds"))
                .isEqualTo(List.of(Map.of(
                        "expression", "p95 < 800ms unstable",
                        "status", "FAILED",
                        "severity", "UNSTABLE",
                        "actual", "1.5 s",
                        "limit", "< 800 ms",
                        "message", "p95 is 1.5 s")));
        assertThat((List<?>) map.get("guardRails")).hasSize(1);
    }

    @Test
    void shouldHoldOnlyTypesAPipelineSandboxReads() {
        // given
        Map<String, Object> map =
                StepResultMap.of(RunSummary.of(ResultFixtures.realistic(), UNSTABLE), UNSTABLE, "job/shop/42/locust/");

        // then every value, however deep, is a String, Number, Boolean, List or Map
        Deque<Object> values = new ArrayDeque<>(map.values());
        while (!values.isEmpty()) {
            Object value = values.pop();
            if (value instanceof Map<?, ?> nested) {
                nested.values().forEach(v -> values.push(v == null ? "" : v));
            } else if (value instanceof List<?> list) {
                list.forEach(values::push);
            } else {
                assertThat(value).isInstanceOfAny(String.class, Number.class, Boolean.class);
            }
        }
    }

    @Test
    void shouldSayAFailedRunDidNotPass() {
        // given
        Verdict failed = new Verdict(VerdictStatus.FAILED, List.of());

        // when
        Map<String, Object> map =
                StepResultMap.of(RunSummary.of(ResultFixtures.realistic(), failed), failed, "job/x/1/locust/");

        // then
        assertThat(map).containsEntry("verdict", "FAILED").containsEntry("passed", false);
    }
}
