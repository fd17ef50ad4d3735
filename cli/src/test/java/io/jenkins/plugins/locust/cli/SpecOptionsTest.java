package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.spec.HostAlias;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Resources;
import io.jenkins.plugins.locust.spec.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SpecOptionsTest {
    @TempDir
    Path dir;

    String script;

    @BeforeEach
    void writeLocustfile() throws IOException {
        script = TestScripts.locustfile(dir);
    }

    static LoadTestSpec parse(String... args) {
        ValidateCommand command = new ValidateCommand();
        new CommandLine(command).parseArgs(args);
        return command.options.toBuilder().build();
    }

    @Test
    void shouldKeepTheBuilderDefaultsForOmittedOptions() {
        LoadTestSpec spec = parse(script);

        assertThat(spec.users()).isEqualTo(10);
        assertThat(spec.slaves()).isEqualTo(1);
        assertThat(spec.runTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(spec.startTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.stopTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.image()).isEqualTo(LoadTestSpec.DEFAULT_IMAGE);
        assertThat(spec.workerResources()).isEqualTo(Resources.WORKER_DEFAULT);
        assertThat(spec.masterResources()).isEqualTo(Resources.MASTER_DEFAULT);
        assertThat(spec.kubernetes().maxFollowedWorkerLogs()).isEqualTo(4);
        assertThat(spec.host()).isNull();
    }

    @Test
    void shouldMapEveryLoadOptionOntoTheSpec() {
        LoadTestSpec spec = parse(
                script,
                "--users",
                "20",
                "--slaves",
                "2",
                "--spawn-rate",
                "4",
                "--run-time",
                "30s",
                "--host",
                "http://127.0.0.1:8080",
                "--threshold",
                "p95 < 500ms",
                "--threshold",
                "fail_ratio < 10%",
                "--env",
                "API_TOKEN=a=b",
                "-e",
                "MODE=fast",
                "--locust-arg=--loglevel=DEBUG",
                "--locust-arg",
                "--exit-code-on-error=0",
                "--tag",
                "checkout",
                "--exclude-tag",
                "slow",
                "--processes",
                "2",
                "--host-alias",
                "10.0.0.7=api.internal",
                "--start-timeout",
                "90s",
                "--stop-timeout",
                "0s",
                "--image",
                "locustio/locust:2.12.1");

        assertThat(spec.users()).isEqualTo(20);
        assertThat(spec.slaves()).isEqualTo(2);
        assertThat(spec.spawnRate()).isEqualTo(4.0);
        assertThat(spec.runTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.host()).isEqualTo("http://127.0.0.1:8080");
        assertThat(spec.thresholds()).containsExactly("p95 < 500ms", "fail_ratio < 10%");
        assertThat(spec.env()).isEqualTo(Map.of("API_TOKEN", "a=b", "MODE", "fast"));
        assertThat(spec.locustArgs()).containsExactly("--loglevel=DEBUG", "--exit-code-on-error=0");
        assertThat(spec.tags()).containsExactly("checkout");
        assertThat(spec.excludeTags()).containsExactly("slow");
        assertThat(spec.processes()).isEqualTo(2);
        assertThat(spec.hostAliases()).containsExactly(new HostAlias("10.0.0.7", List.of("api.internal")));
        assertThat(spec.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.stopTimeout()).isZero();
        assertThat(spec.image()).isEqualTo("locustio/locust:2.12.1");
    }

    @Test
    void shouldMapStagesAndShortOptions() {
        LoadTestSpec spec = parse(script, "-u", "5", "-s", "1", "-r", "1", "--stage", "10s:5", "--stage", "20s:10:2");

        assertThat(spec.stages())
                .containsExactly(new Stage(Duration.ofSeconds(10), 5, 1), new Stage(Duration.ofSeconds(20), 10, 2));
        assertThat(spec.plannedDuration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldMapKubernetesOptions() throws IOException {
        Path overlay = Files.writeString(dir.resolve("overlay.yaml"), "spec:\n  priorityClassName: load\n");

        LoadTestSpec spec = parse(
                script,
                "--namespace",
                "load-tests",
                "--service-account",
                "locust",
                "--image-pull-secret",
                "registry",
                "--node-selector",
                "pool=load",
                "--pod-overlay",
                overlay.toString(),
                "--web-ui",
                "--max-worker-logs",
                "0",
                "--master-cpu",
                "250m",
                "--master-memory",
                "256Mi",
                "--worker-cpu",
                "2",
                "--worker-cpu-limit",
                "3",
                "--worker-memory",
                "2Gi");

        assertThat(spec.kubernetes().namespace()).isEqualTo("load-tests");
        assertThat(spec.kubernetes().serviceAccount()).isEqualTo("locust");
        assertThat(spec.kubernetes().imagePullSecrets()).containsExactly("registry");
        assertThat(spec.kubernetes().nodeSelector()).isEqualTo(Map.of("pool", "load"));
        assertThat(spec.kubernetes().podOverlayYaml()).contains("priorityClassName: load");
        assertThat(spec.kubernetes().webUi()).isTrue();
        assertThat(spec.kubernetes().maxFollowedWorkerLogs()).isZero();
        assertThat(spec.masterResources()).isEqualTo(new Resources("250m", null, "256Mi", "256Mi"));
        assertThat(spec.workerResources()).isEqualTo(new Resources("2", "3", "2Gi", "2Gi"));
    }
}
