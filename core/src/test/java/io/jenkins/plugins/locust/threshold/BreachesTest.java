package io.jenkins.plugins.locust.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BreachesTest {
    private static ThresholdOutcome outcome(String expression, String actual, OutcomeStatus status, Severity severity) {
        return new ThresholdOutcome(expression, actual, "limit", status, severity, "no request was made");
    }

    @Test
    void shouldListTheFailedChecksOfOneSeverityWithWhatWasMeasured() {
        // given a guard rail without a value, two failed thresholds of different severity and a passed one
        Verdict verdict = new Verdict(
                VerdictStatus.FAILED,
                List.of(outcome("requests > 0", null, OutcomeStatus.FAILED, Severity.FAILURE)),
                List.of(
                        outcome("p95 < 800ms", "950 ms", OutcomeStatus.FAILED, Severity.FAILURE),
                        outcome("p99 < 2s unstable", "2.4 s", OutcomeStatus.FAILED, Severity.UNSTABLE),
                        outcome("fail_ratio < 1%", "0.0 %", OutcomeStatus.PASSED, Severity.FAILURE)));

        // when
        String failed = Breaches.describe(verdict, Severity.FAILURE);
        String unstable = Breaches.describe(verdict, Severity.UNSTABLE);

        // then
        assertThat(failed).isEqualTo("requests > 0 (no request was made); p95 < 800ms (actual 950 ms)");
        assertThat(unstable).isEqualTo("p99 < 2s unstable (actual 2.4 s)");
    }
}
