package io.jenkins.plugins.locust.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbortRulesTest {
    @Test
    void shouldGiveTheLiveRuleOfAnAbortThresholdInCanonicalUnits() {
        Map<String, Object> rule = ThresholdParser.parse("GET /api/cart: p95 < 1.5s abort")
                .abortRule()
                .orElseThrow();

        assertThat(rule)
                .containsExactly(
                        Map.entry("expression", "GET /api/cart: p95 < 1.5s abort"),
                        Map.entry("metric", "p95"),
                        Map.entry("endpoint", "GET /api/cart"),
                        Map.entry("op", "<"),
                        Map.entry("limit", 1500.0));
    }

    @Test
    void shouldHaveNoRuleWithoutAbort() {
        assertThat(ThresholdParser.parse("p95 < 1s").abortRule()).isEmpty();
    }

    @Test
    void shouldWriteOnlyAbortRulesAsAJsonArray() {
        String json = AbortRules.toJson(List.of(
                "p95 < 800ms", "fail_ratio < 5% abort", "error_rate <= 0.1 unstable abort", "rps >= 20/s abort"));

        assertThat(json)
                .isEqualTo("[{\"expression\":\"fail_ratio < 5% abort\",\"metric\":\"fail_ratio\",\"endpoint\":null,"
                        + "\"op\":\"<\",\"limit\":0.05},"
                        + "{\"expression\":\"error_rate <= 0.1 unstable abort\",\"metric\":\"fail_ratio\","
                        + "\"endpoint\":null,\"op\":\"<=\",\"limit\":0.1},"
                        + "{\"expression\":\"rps >= 20/s abort\",\"metric\":\"rps\",\"endpoint\":null,\"op\":\">=\","
                        + "\"limit\":20.0}]");
    }

    @Test
    void shouldWriteAnEmptyArrayWithoutAbortThresholds() {
        assertThat(AbortRules.toJson(List.of("p95 < 800ms"))).isEqualTo("[]");
        assertThat(AbortRules.toJson(List.of())).isEqualTo("[]");
    }
}
