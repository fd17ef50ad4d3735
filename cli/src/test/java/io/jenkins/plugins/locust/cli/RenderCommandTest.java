package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    @TempDir
    Path dir;

    String script;

    @BeforeEach
    void writeLocustfile() throws IOException {
        script = TestScripts.locustfile(dir);
    }

    private static List<HasMetadata> parse(String yaml) {
        return new KubernetesSerialization().unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldPrintTheFourObjectsOfARunAsYaml() {
        // when
        CliRun run = CliRun.of(
                "render", script, "-u", "100", "-s", "4", "--processes", "2", "-t", "2m", "--run-id", "shop-1-abcde");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<HasMetadata> objects = parse(run.out());
        assertThat(objects)
                .extracting(HasMetadata::getKind, o -> o.getMetadata().getName())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ConfigMap", "locust-shop-1-abcde-files"),
                        org.assertj.core.groups.Tuple.tuple("Service", "locust-shop-1-abcde-master"),
                        org.assertj.core.groups.Tuple.tuple("Job", "locust-shop-1-abcde-master"),
                        org.assertj.core.groups.Tuple.tuple("Job", "locust-shop-1-abcde-worker"));
        Job workers = (Job) objects.get(3);
        assertThat(workers.getSpec().getParallelism()).isEqualTo(4);
        Job master = (Job) objects.get(2);
        assertThat(master.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .containsSequence("--expect-workers", "8");
    }

    @Test
    void shouldMakeARunIdFromTheJobNameWhenNoneIsGiven() {
        // when
        CliRun run = CliRun.of("render", script, "--job-name", "Team/Shop");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("name: \"locust-team-shop-0-[a-z0-9]{5}-worker\"");
    }

    @Test
    void shouldRefuseARunIdThatIsNoDnsLabel() {
        // when
        CliRun run = CliRun.of("render", script, "--run-id", "Shop_1");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--run-id = 'Shop_1': use lower-case letters");
    }

    @Test
    void shouldRefuseAnOverlayThatWeakensThePodsNamingTheField() throws IOException {
        // given
        Path overlay = dir.resolve("pod.yaml");
        Files.writeString(
                overlay, "spec:\n  containers:\n  - name: locust\n    securityContext:\n      privileged: true\n");

        // when
        CliRun run = CliRun.of("render", script, "--pod-overlay", overlay.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("podOverlayYaml (--pod-overlay) = 'spec.containers[locust].securityContext.privileged: true'")
                .contains("baseline: privileged containers");
    }

    @Test
    void shouldBeListedInTheTopLevelHelp() {
        // when
        CliRun run = CliRun.of("--help");

        // then
        assertThat(run.out()).contains("render");
    }
}
