package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecMappingTest {
    private static final String LOCUSTFILE = "from locust import HttpUser, task\n\n"
            + "class Shopper(HttpUser):\n"
            + "    @task\n"
            + "    def index(self):\n"
            + "        self.client.get('/')\n";

    @TempDir
    Path workspace;

    @BeforeEach
    void writeLocustfile() throws IOException {
        Files.createDirectories(workspace.resolve("perf"));
        Files.writeString(workspace.resolve("perf/locustfile.py"), LOCUSTFILE);
    }

    @Test
    void shouldMapEveryArgumentOntoTheSpec() {
        StepArguments arguments =
                new StepArguments("perf/locustfile.py", 50, 2, "5m", "http://127.0.0.1:8080", List.of("p95 < 800ms"));

        LoadTestSpec spec = SpecMapping.toSpec(arguments, workspace);

        assertThat(spec.script()).isEqualTo(workspace.resolve("perf/locustfile.py"));
        assertThat(spec.users()).isEqualTo(50);
        assertThat(spec.slaves()).isEqualTo(2);
        assertThat(spec.runTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.host()).isEqualTo("http://127.0.0.1:8080");
        assertThat(spec.thresholds()).containsExactly("p95 < 800ms");
    }

    @Test
    void shouldLeaveDefaultsToCore() {
        LoadTestSpec spec = SpecMapping.toSpec(
                new StepArguments("perf/locustfile.py", null, null, null, null, List.of()), workspace);
        LoadTestSpec coreDefaults = LoadTestSpec.builder()
                .workspace(workspace)
                .script("perf/locustfile.py")
                .build();

        assertThat(spec).isEqualTo(coreDefaults);
    }

    @Test
    void shouldReadOneThresholdPerLineFromTheFormsTextArea() {
        assertThat(SpecMapping.thresholds(List.of("p95 < 800ms\n\n  fail_ratio < 1%  \r\n", "p99 < 2s")))
                .containsExactly("p95 < 800ms", "fail_ratio < 1%", "p99 < 2s");
    }

    @Test
    void shouldNameEveryBadFieldBeforeAnythingStarts() {
        StepArguments arguments = new StepArguments("perf/missing.py", 0, 1, "five minutes", null, List.of());

        assertThatThrownBy(() -> SpecMapping.toSpec(arguments, workspace))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("script")
                .hasMessageContaining("users")
                .hasMessageContaining("runTime");
    }
}
