package io.jenkins.plugins.locust.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.page.PageJson;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    @Test
    void shouldSummariseTheAggregatedRowAndCountOutcomesBySeverity() {
        // given a realistic result and a verdict with every kind of outcome
        LoadTestResult result = ResultFixtures.realistic();
        Verdict verdict = new Verdict(
                VerdictStatus.UNSTABLE,
                List.of(
                        new ThresholdOutcome("p95 < 2s", "1 s", "< 2 s", OutcomeStatus.PASSED, Severity.FAILURE, ""),
                        new ThresholdOutcome("p99 < 1s unstable", "", "", OutcomeStatus.FAILED, Severity.UNSTABLE, ""),
                        new ThresholdOutcome("rps > 90%", null, null, OutcomeStatus.SKIPPED, Severity.FAILURE, "")));

        // when
        RunSummary summary = RunSummary.of(result, verdict);

        // then
        assertThat(summary.verdict()).isEqualTo("UNSTABLE");
        assertThat(summary.requests()).isEqualTo(result.aggregated().requests());
        assertThat(summary.failures()).isEqualTo(result.aggregated().failures());
        assertThat(summary.p95Ms()).isEqualTo(result.aggregated().percentiles().p95());
        assertThat(summary.value(TrendMetric.FAIL_RATIO))
                .isEqualTo(result.aggregated().failRatio() * 100);
        assertThat(summary.durationSeconds()).isPositive();
        assertThat(List.of(
                        summary.thresholdsPassed(),
                        summary.thresholdsFailed(),
                        summary.thresholdsUnstable(),
                        summary.thresholdsSkipped()))
                .containsExactly(1, 0, 1, 1);
        // build.xml keeps this per report: it must stay far below the 2 KB the action may add
        assertThat(PageJson.write(summary).getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(512);
    }
}
