package io.jenkins.plugins.locust.threshold;

import static io.jenkins.plugins.locust.result.ResultFixtures.endpoint;
import static io.jenkins.plugins.locust.result.ResultFixtures.result;
import static io.jenkins.plugins.locust.result.ResultFixtures.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.result.LoadTestResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThresholdEvaluatorTest {
    /** 100 requests of 1..100 ms to GET /a (2 failed) and 100 of 101..1090 ms to POST /a (8 failed), over 10 s. */
    private static final LoadTestResult RESULT = result(
            endpoint("GET", "/a", 2, 10, spread(100, 1, 100)), endpoint("POST", "/a", 8, 10, spread(100, 100, 1090)));

    private static ThresholdOutcome single(String expression, LoadTestResult result, LoadTestResult baseline) {
        return ThresholdEvaluator.evaluate(List.of(expression), result, Optional.ofNullable(baseline))
                .outcomes()
                .get(0);
    }

    @Test
    void shouldPassAndFailAggregatedThresholdsWithTheMeasuredValue() {
        ThresholdOutcome passed = single("fail_ratio <= 5%", RESULT, null);
        ThresholdOutcome failed = single("p95 < 800ms", RESULT, null);

        assertThat(passed.status()).isEqualTo(OutcomeStatus.PASSED);
        assertThat(passed.actual()).isEqualTo("5.00 %");
        assertThat(passed.limit()).isEqualTo("<= 5.00 %");
        assertThat(passed.message()).isEqualTo("fail_ratio is 5.00 %, within <= 5.00 %");
        assertThat(failed.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(failed.actual()).isEqualTo("1000 ms");
        assertThat(failed.message()).isEqualTo("p95 is 1000 ms, breaching < 800 ms");
        assertThat(failed.severity()).isEqualTo(Severity.FAILURE);
    }

    @Test
    void shouldMeasureEveryMetricOfOneEndpoint() {
        assertThat(single("GET /a: p50 < 1s", RESULT, null).actual()).isEqualTo("51 ms");
        assertThat(single("GET /a: avg < 1s", RESULT, null).actual()).isEqualTo("50.5 ms");
        assertThat(single("GET /a: min < 1s", RESULT, null).actual()).isEqualTo("1 ms");
        assertThat(single("GET /a: max < 1s", RESULT, null).actual()).isEqualTo("100 ms");
        assertThat(single("GET /a: fail_ratio < 1", RESULT, null).actual()).isEqualTo("2.00 %");
        assertThat(single("GET /a: failures < 9", RESULT, null).actual()).isEqualTo("2");
        assertThat(single("GET /a: requests > 9", RESULT, null).actual()).isEqualTo("100");
        assertThat(single("GET /a: rps > 9", RESULT, null).actual()).isEqualTo("10.0/s");
        assertThat(single("GET /a: failures_per_s < 9", RESULT, null).actual()).isEqualTo("0.2/s");
    }

    @Test
    void shouldCombineEveryMethodOfANameWithoutMethod() {
        ThresholdOutcome outcome = single("/a: fail_ratio < 4%", RESULT, null);

        assertThat(outcome.actual()).isEqualTo("5.00 %");
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.FAILED);
    }

    @Test
    void shouldFailAThresholdOnAMissingEndpointListingTheKnownOnes() {
        ThresholdOutcome outcome = single("GET /b: p95 < 1s unstable", RESULT, null);

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(outcome.severity()).isEqualTo(Severity.UNSTABLE);
        assertThat(outcome.actual()).isNull();
        assertThat(outcome.message())
                .isEqualTo("no requests to endpoint 'GET /b' in this run; endpoints: GET /a, POST /a");
    }

    @Test
    void shouldFailTimesOfARunWithoutRequestsInsteadOfPassingThem() {
        LoadTestResult empty = result();

        ThresholdOutcome p95 = single("p95 < 1s", empty, null);
        ThresholdOutcome failures = single("failures < 1", empty, null);

        assertThat(p95.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(p95.message()).isEqualTo("no requests were made, so p95 cannot be measured");
        assertThat(failures.status()).isEqualTo(OutcomeStatus.PASSED);
    }

    @Test
    void shouldSkipRelativeThresholdsWithoutABaselineAndSaySo() {
        ThresholdOutcome outcome = single("p95 <= baseline + 10%", RESULT, null);

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
        assertThat(outcome.message())
                .isEqualTo("not evaluated: the limit is relative to a baseline and there is no baseline result");
        assertThat(ThresholdEvaluator.evaluate(List.of("p95 <= baseline"), RESULT, Optional.empty())
                        .status())
                .isEqualTo(VerdictStatus.PASSED);
    }

    @Test
    void shouldResolveRelativeLimitsFromTheBaseline() {
        LoadTestResult baseline = result(endpoint("GET", "/a", 0, 10, spread(100, 1, 900)));

        ThresholdOutcome within = single("GET /a: p95 <= baseline + 10%", RESULT, baseline);
        ThresholdOutcome breached = single("GET /a: rps >= baseline * 1.2", RESULT, baseline);

        assertThat(within.status()).isEqualTo(OutcomeStatus.PASSED);
        assertThat(within.limit()).isEqualTo("<= 946 ms (baseline 860 ms + 10%)");
        assertThat(breached.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(breached.limit()).isEqualTo(">= 12.0/s (baseline 10.0/s * 1.2)");
    }

    @Test
    void shouldSkipWhenTheBaselineLacksTheEndpoint() {
        LoadTestResult baseline = result(endpoint("GET", "/other", 0, 10, 5));

        ThresholdOutcome outcome = single("GET /a: p95 <= baseline", RESULT, baseline);

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED);
        assertThat(outcome.message())
                .isEqualTo("not evaluated: the baseline has no requests of 'GET /a' to compare with");
    }

    @Test
    void shouldGiveTheWorstVerdictBySeverity() {
        List<String> unstableOnly = List.of("p95 < 800ms unstable", "fail_ratio < 10%");
        List<String> withFailure = List.of("p95 < 800ms unstable", "fail_ratio < 1%");

        assertThat(ThresholdEvaluator.evaluate(unstableOnly, RESULT, Optional.empty())
                        .status())
                .isEqualTo(VerdictStatus.UNSTABLE);
        assertThat(ThresholdEvaluator.evaluate(withFailure, RESULT, Optional.empty())
                        .status())
                .isEqualTo(VerdictStatus.FAILED);
        assertThat(ThresholdEvaluator.evaluate(List.of(), RESULT, Optional.empty())
                        .status())
                .isEqualTo(VerdictStatus.PASSED);
    }

    @Test
    void shouldRejectInvalidExpressions() {
        assertThatThrownBy(
                        () -> ThresholdEvaluator.evaluate(List.of("p95 < 1 s", "p95 < 1x"), RESULT, Optional.empty()))
                .isInstanceOf(ThresholdSyntaxException.class)
                .hasMessageContaining("'p95 < 1x'");
    }
}
