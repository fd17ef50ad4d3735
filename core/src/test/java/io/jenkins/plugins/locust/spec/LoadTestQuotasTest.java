package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTestQuotasTest {
    private static final String SET_BY = "Manage Jenkins » System » Locust Load Test";

    @TempDir
    Path workspace;

    @BeforeEach
    void writeLocustfile() throws IOException {
        Files.writeString(workspace.resolve("locustfile.py"), SpecValidatorTest.USER_FILE);
    }

    private LoadTestSpecBuilder spec() {
        return LoadTestSpec.builder()
                .workspace(workspace)
                .script("locustfile.py")
                .host("http://127.0.0.1:8080");
    }

    private static LoadTestQuotas quotas(String users, String slaves, String cpu, String runTime, String hosts) {
        return LoadTestQuotas.parse(users, slaves, cpu, runTime, hosts, SET_BY);
    }

    @Test
    void shouldAllowEverythingWhenNoLimitIsSet() {
        // given
        LoadTestQuotas quotas = quotas("", null, " ", "", "");

        // when, then
        assertThat(quotas).isEqualTo(new LoadTestQuotas(null, null, null, null, TargetAllowList.ANY, SET_BY));
        assertThat(quotas.violations(
                        spec().users(100_000).slaves(500).runTime("24h").build()))
                .isEmpty();
    }

    @Test
    void shouldNameTheLimitTheValueAskedForAndWhoSetsItWhenUsersAreTooMany() {
        // given
        LoadTestQuotas quotas = quotas("1000", null, null, null, null);

        // when
        QuotaExceededException e = catchThrowableOfType(
                QuotaExceededException.class,
                () -> quotas.check(spec().users(5000).slaves(5).build()));

        // then
        assertThat(e).isNotNull();
        assertThat(e.getViolations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("users");
            assertThat(v.value()).isEqualTo("5000 users");
            assertThat(v.message()).contains("Max users (1000)", "administrator", SET_BY);
        });
        assertThat(e.getMessage()).startsWith("The load test asks for more than an administrator allows");
    }

    @Test
    void shouldAllowExactlyTheLimit() {
        LoadTestQuotas quotas = quotas("1000", "10", "10", "1h", null);

        assertThat(quotas.violations(spec().users(1000).slaves(10).runTime("1h").build()))
                .isEmpty();
    }

    @Test
    void shouldCountThePeakOfTheStagesAsUsersAndTheirSumAsRunTime() {
        // given
        LoadTestQuotas quotas = quotas("100", null, null, "10m", null);

        // when
        var violations =
                quotas.violations(spec().stage("5m:50:10").stage("6m:150:10").build());

        // then
        assertThat(violations).extracting(FieldError::field).containsExactly("stages", "stages");
        assertThat(violations).extracting(FieldError::value).containsExactly("150 users", "11m");
    }

    @Test
    void shouldReportEveryLimitExceededAtOnce() {
        LoadTestQuotas quotas = quotas("10", "2", null, "5m", "staging.example.com");

        var violations =
                quotas.violations(spec().users(20).slaves(3).runTime("10m").build());

        assertThat(violations).extracting(FieldError::field).containsExactly("users", "slaves", "runTime", "host");
    }

    @Test
    void shouldLimitTheCpuAllWorkersRequestTogether() {
        // given: 4 workers of 1.5 cores = 6 cores
        LoadTestQuotas quotas = quotas(null, null, "5", null, null);
        LoadTestSpec spec = spec().slaves(4)
                .workerResources(new Resources("1500m", null, "1Gi", "1Gi"))
                .build();

        // when
        var violations = quotas.violations(spec);

        // then
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("slaves");
            assertThat(v.value()).isEqualTo("4 × 1500m CPU = 6 cores");
            assertThat(v.message()).contains("Max total worker CPU (5 cores)");
        });
        assertThat(quotas(null, null, "6000m", null, null).violations(spec)).isEmpty();
    }

    @Test
    void shouldRequireAnAllowedHost() {
        LoadTestQuotas quotas = quotas(null, null, null, null, "*.staging.example.com\n127.0.0.1:8080");

        assertThat(quotas.violations(
                        spec().host("https://shop.staging.example.com").build()))
                .isEmpty();
        assertThat(quotas.violations(spec().build())).isEmpty();
        assertThat(quotas.violations(spec().host("https://www.example.com").build()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("host");
                    assertThat(v.value()).isEqualTo("https://www.example.com");
                    assertThat(v.message()).contains("*.staging.example.com, 127.0.0.1:8080", SET_BY);
                });
        assertThat(quotas.violations(spec().host(null).build())).singleElement().satisfies(v -> assertThat(v.message())
                .startsWith("is required"));
    }

    @Test
    void shouldRejectUnusableSettingsInsteadOfIgnoringThem() {
        InvalidSpecException e = catchThrowableOfType(
                InvalidSpecException.class, () -> quotas("many", "0", "2Gi", "forever", "https://x/y"));

        assertThat(e).isNotNull();
        assertThat(e.getErrors())
                .extracting(FieldError::field)
                .containsExactly("maxUsers", "maxSlaves", "maxWorkerCpu", "maxRunTime", "allowedHosts");
        assertThat(e.getErrors())
                .allSatisfy(error -> assertThat(error.message()).contains(SET_BY));
        assertThat(e.getErrors().get(0).message()).contains("Max users", "'many'");
    }

    @Test
    void shouldParseTheLimits() {
        LoadTestQuotas quotas = quotas(" 500 ", "8", "12.5", "1h30m", "a.example.com");

        assertThat(quotas.maxUsers()).isEqualTo(500);
        assertThat(quotas.maxSlaves()).isEqualTo(8);
        assertThat(quotas.maxWorkerCpu()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(quotas.maxRunTime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(quotas.allowedHosts().patterns()).containsExactly("a.example.com");
    }
}
