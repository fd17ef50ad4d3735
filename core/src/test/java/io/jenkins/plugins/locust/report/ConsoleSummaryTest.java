package io.jenkins.plugins.locust.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.result.LoadTestResult;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
    @Test
    void shouldPrintAFixedWidthTableThenTheThresholds() {
        LoadTestResult result = ReportFixture.result();

        String text = ConsoleSummary.render(result, ReportFixture.verdict(result));

        assertThat(text.lines().toList())
                .startsWith(
                        "Load test FAILED: 2,300 requests, 1.00 % failed, 38.3 req/s, p95 1000 ms (50 users, 2 workers)",
                        "Method  Name                                  Requests    Fails  Fail %     Avg     p50     p95     p99     Max      RPS",
                        "GET     /                                         1200        3    0.25      96      96     170     180     180     20.0",
                        "GET     /api/cart                                  800       20    2.50     470     470     860     890     900     13.3",
                        "POST    /login                                     300        0    0.00     845     850    1500    1600    1600      5.0",
                        "        Aggregated                                2300       23    1.00     324     160    1000    1500    1600     38.3",
                        "Thresholds:");
        assertThat(text)
                .contains("  FAILED  GET /api/cart: fail_ratio < 1% unstable: fail_ratio of 'GET /api/cart'"
                        + " is 2.50 %, breaching < 1.00 % (unstable)");
        assertThat(text).contains("  SKIPPED p95 <= baseline + 10%: not evaluated");
        assertThat(text)
                .endsWith("Warning: worker-2 went missing at 41 s; its 25 users were not replaced"
                        + System.lineSeparator());
    }

    @Test
    void shouldCutLongNamesInTheMiddle() {
        String name = "/api/v1/" + "x".repeat(60) + "/end";

        String fitted = ConsoleSummary.fit(name);

        assertThat(fitted)
                .hasSize(ConsoleSummary.NAME_WIDTH)
                .startsWith("/api/v1/")
                .endsWith("/end")
                .contains("...");
    }
}
