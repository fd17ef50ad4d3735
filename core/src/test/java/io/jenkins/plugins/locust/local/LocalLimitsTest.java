package io.jenkins.plugins.locust.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLimitsTest {
    private static final long GIB = 1024L * 1024 * 1024;
    /** 2 cores and 4 GiB: at most 8 workers and 104,857 users. */
    private final LocalLimits machine = new LocalLimits(2, 4 * GIB, false, "--allow-oversized-local");

    @TempDir
    Path dir;

    private String script;

    @BeforeEach
    void writeScript() throws IOException {
        script = Files.writeString(
                        dir.resolve("locustfile.py"),
                        "from locust import HttpUser, task\nclass U(HttpUser):\n    @task\n    def t(self):\n        pass\n")
                .toString();
    }

    private LoadTestSpecBuilder spec() {
        return LoadTestSpec.builder().script(script).host("http://127.0.0.1:8080");
    }

    @Test
    void shouldAllowWhatTheMachineCanCarry() {
        // given
        LoadTestSpec spec = spec().slaves(8).users(104_857).build();

        // when / then
        assertThatCode(() -> machine.check(spec)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseSlavesFarBeyondTheCoresNamingFieldValueLimitAndOverride() {
        // given
        LoadTestSpec spec = spec().slaves(9).users(9).build();

        // when
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> machine.check(spec));

        // then
        assertThat(e.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("slaves");
            assertThat(error.value()).isEqualTo("9");
            assertThat(error.message())
                    .contains("2 CPU cores")
                    .contains("at most 8 (4 per core)")
                    .contains("--allow-oversized-local");
        });
    }

    @Test
    void shouldCountEveryForkedProcessAsAWorker() {
        // given 3 slaves × 3 processes = 9 Locust workers
        LoadTestSpec spec = spec().slaves(3).processes(3).users(9).build();

        // when
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> machine.check(spec));

        // then
        assertThat(e.getErrors())
                .extracting(FieldError::field, FieldError::value)
                .containsExactly(tuple("slaves × processes", "9"));
    }

    @Test
    void shouldRefuseUsersFarBeyondTheMemory() {
        // given
        LoadTestSpec spec = spec().users(1_000_000_000).build();

        // when
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> machine.check(spec));

        // then
        assertThat(e.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("users");
            assertThat(error.value()).isEqualTo("1000000000");
            assertThat(error.message())
                    .contains("4096 MiB of memory")
                    .contains("at most 104857")
                    .contains("--allow-oversized-local");
        });
    }

    @Test
    void shouldJudgeTheLargestStage() {
        // given
        LoadTestSpec spec =
                spec().runTime(null).stage("1m:10:10").stage("1m:200000:100").build();

        // when
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> machine.check(spec));

        // then
        assertThat(e.getErrors())
                .extracting(FieldError::field, FieldError::value)
                .containsExactly(tuple("stages", "200000"));
    }

    @Test
    void shouldRunAnythingWhenOverridden() {
        // given
        LocalLimits overridden = new LocalLimits(2, 4 * GIB, true, "--allow-oversized-local");
        LoadTestSpec spec = spec().slaves(40).users(1_000_000_000).build();

        // when / then
        assertThatCode(() -> overridden.check(spec)).doesNotThrowAnyException();
    }

    @Test
    void shouldTakeTheOverrideFromTheEnvironmentAndNameIt() {
        // when
        LocalLimits fromEnv = LocalLimits.fromEnvironment(Map.of(LocalLimits.OVERRIDE_ENV, "true"));
        LocalLimits unset = LocalLimits.fromEnvironment(Map.of());

        // then
        assertThat(fromEnv.allowOversized()).isTrue();
        assertThat(unset.allowOversized()).isFalse();
        assertThat(unset.override()).contains("LOADTEST_ALLOW_OVERSIZED_LOCAL=true");
        assertThat(unset.cores()).isPositive();
        assertThat(unset.memoryBytes()).isPositive();
    }
}
