package io.jenkins.plugins.locust.trend;

import static io.jenkins.plugins.locust.result.ResultFixtures.endpoint;
import static io.jenkins.plugins.locust.result.ResultFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonBuilderTest {
    private static Verdict verdict(ThresholdOutcome... outcomes) {
        return new Verdict(VerdictStatus.PASSED, List.of(outcomes));
    }

    private static ThresholdOutcome outcome(String expression, OutcomeStatus status, String actual) {
        return new ThresholdOutcome(expression, actual, "< 500 ms", status, Severity.FAILURE, "");
    }

    @Test
    void shouldCompareEveryEndpointOfBothBuildsAndJudgeEachChange() {
        // given a base build and a current build where /cart got slower and /search is new
        LoadTestResult base = result(
                endpoint("GET", "/", 0, 10, 10, 20, 30, 40), endpoint("GET", "/cart", 1, 10, 100, 100, 100, 100));
        LoadTestResult current = result(
                endpoint("GET", "/", 0, 10, 10, 20, 30, 40),
                endpoint("GET", "/cart", 0, 10, 200, 200, 200, 200),
                endpoint("GET", "/search", 0, 10, 50));

        // when
        Comparison comparison = ComparisonBuilder.compare(
                new ComparisonBuilder.Side(41, base, verdict(outcome("p95 < 500ms", OutcomeStatus.PASSED, "100 ms"))),
                new ComparisonBuilder.Side(
                        42,
                        current,
                        verdict(
                                outcome("p95 < 500ms", OutcomeStatus.PASSED, "200 ms"),
                                outcome("fail_ratio < 1%", OutcomeStatus.PASSED, "0 %"))));

        // then
        assertThat(comparison.endpoints())
                .extracting(Comparison.EndpointRow::endpoint)
                .containsExactly("Aggregated", "GET /", "GET /cart", "GET /search");
        Comparison.EndpointRow cart = comparison.endpoints().get(2);
        assertThat(metric(cart, "p95"))
                .isEqualTo(
                        new Comparison.MetricDelta("p95", "ms", 100.0, 200.0, 100.0, 100.0, Comparison.Change.WORSE));
        assertThat(metric(cart, "fail_ratio").change()).isEqualTo(Comparison.Change.BETTER);
        assertThat(metric(cart, "fail_ratio").deltaPercent()).isEqualTo(-100.0);
        assertThat(metric(cart, "requests").change()).isEqualTo(Comparison.Change.NOT_COMPARABLE);
        assertThat(metric(comparison.endpoints().get(1), "p95").change()).isEqualTo(Comparison.Change.SAME);
        Comparison.EndpointRow search = comparison.endpoints().get(3);
        assertThat(search.inBase()).isFalse();
        assertThat(metric(search, "p50"))
                .isEqualTo(new Comparison.MetricDelta(
                        "p50", "ms", null, 50.0, null, null, Comparison.Change.NOT_COMPARABLE));
        assertThat(comparison.thresholds())
                .containsExactly(
                        new Comparison.ThresholdRow("p95 < 500ms", "PASSED", "100 ms", "PASSED", "200 ms"),
                        new Comparison.ThresholdRow("fail_ratio < 1%", null, null, "PASSED", "0 %"));
    }

    @Test
    void shouldCallSmallMovesTheSameAndRisingThroughputBetter() {
        assertThat(ComparisonBuilder.delta(TrendMetric.RPS, 100.0, 100.5).change())
                .isEqualTo(Comparison.Change.SAME);
        assertThat(ComparisonBuilder.delta(TrendMetric.RPS, 100.0, 120.0).change())
                .isEqualTo(Comparison.Change.BETTER);
        assertThat(ComparisonBuilder.delta(TrendMetric.P99, 0.0, 0.0).change()).isEqualTo(Comparison.Change.SAME);
        assertThat(ComparisonBuilder.delta(TrendMetric.P99, 0.0, 5.0).deltaPercent())
                .isNull();
    }

    private static Comparison.MetricDelta metric(Comparison.EndpointRow row, String id) {
        return row.metrics().stream()
                .filter(m -> m.metric().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
