package io.jenkins.plugins.locust.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdValidationTest {
    @TempDir
    Path workspace;

    private LoadTestSpecBuilder builder() throws IOException {
        Files.writeString(workspace.resolve("locustfile.py"), SpecValidatorTest.USER_FILE);
        return LoadTestSpec.builder().workspace(workspace).script("locustfile.py");
    }

    @Test
    void shouldNameEveryInvalidThresholdBeforeAnythingRuns() throws IOException {
        LoadTestSpecBuilder builder = builder().thresholds(List.of("p95 < 800ms", "p95 < 8x0ms", "fail_ratio < 5"));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.getErrors())
                        .containsExactly(
                                new FieldError(
                                        "thresholds",
                                        "p95 < 8x0ms",
                                        "at position 8 expected a unit (ms, s) but found 'x0ms'; write METRIC OP"
                                                + " LIMIT, e.g. 'p95 < 800ms' or 'GET /api: fail_ratio < 1%'"),
                                new FieldError(
                                        "thresholds",
                                        "fail_ratio < 5",
                                        "at position 14 expected a ratio between 0 and 1, or a percentage such as"
                                                + " 5% but found '5'; write METRIC OP LIMIT, e.g. 'p95 < 800ms' or"
                                                + " 'GET /api: fail_ratio < 1%'")));
    }

    @Test
    void shouldAcceptValidThresholds() throws IOException {
        LoadTestSpec spec = builder()
                .thresholds(List.of("p95 < 800ms", "fail_ratio < 1% abort"))
                .build();

        assertThat(spec.thresholds()).containsExactly("p95 < 800ms", "fail_ratio < 1% abort");
    }
}
