package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.jenkins.DataBoundParameters;
import io.jenkins.plugins.locust.spec.HostAlias;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Resources;
import io.jenkins.plugins.locust.spec.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    private LoadTestSpec map(LoadTestStep step) {
        return SpecMapping.toSpec(step.parameters(), workspace, step.getEnv(), Map.of());
    }

    @Test
    void shouldMapEveryArgumentOntoTheSpec() {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setUsers(50);
        step.setSlaves(2);
        step.setRunTime("5m");
        step.setHost("http://127.0.0.1:8080");
        step.setThresholds(List.of("p95 < 800ms"));

        LoadTestSpec spec = map(step);

        assertThat(spec.script()).isEqualTo(workspace.resolve("perf/locustfile.py"));
        assertThat(spec.users()).isEqualTo(50);
        assertThat(spec.slaves()).isEqualTo(2);
        assertThat(spec.runTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.host()).isEqualTo("http://127.0.0.1:8080");
        assertThat(spec.thresholds()).containsExactly("p95 < 800ms");
    }

    @Test
    void shouldLeaveDefaultsToCore() {
        LoadTestSpec spec = map(new LoadTestStep("perf/locustfile.py"));
        LoadTestSpec coreDefaults = LoadTestSpec.builder()
                .workspace(workspace)
                .script("perf/locustfile.py")
                .build();

        assertThat(spec).isEqualTo(coreDefaults);
    }

    @Test
    void shouldReadOneThresholdPerLineFromTheFormsTextArea() {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setThresholds(List.of("p95 < 800ms\n\n  fail_ratio < 1%  \r\n", "p99 < 2s"));

        assertThat(map(step).thresholds()).containsExactly("p95 < 800ms", "fail_ratio < 1%", "p99 < 2s");
    }

    @Test
    void shouldNameEveryBadFieldBeforeAnythingStarts() {
        LoadTestStep step = new LoadTestStep("perf/missing.py");
        step.setUsers(0);
        step.setRunTime("five minutes");

        assertThatThrownBy(() -> map(step))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("script")
                .hasMessageContaining("users")
                .hasMessageContaining("runTime");
    }

    @Test
    void shouldMapEveryFurtherParameterOntoTheSpec() {
        // given a folder script and every further parameter of the step
        LoadTestStep step = new LoadTestStep("perf");
        step.setLocustfile("locustfile.py");
        step.setSlaves(2);
        step.setSpawnRate(12.5);
        step.setStages(List.of("2m:50:10", "5m:300"));
        step.setEnv(List.of("TENANT=nightly"));
        step.setLocustArgs(List.of("--loglevel=DEBUG"));
        step.setTags(List.of("browse", "checkout"));
        step.setExcludeTags(List.of("admin"));
        step.setProcesses(3);
        step.setHostAliases(List.of("10.0.0.7=api.internal,shop.internal"));
        step.setStartTimeout("3m");
        step.setStopTimeout("30s");
        step.setImage("locustio/locust:2.31.0");

        // when
        LoadTestSpec spec = map(step);

        // then
        assertThat(spec.script()).isEqualTo(workspace.resolve("perf"));
        assertThat(spec.locustfile()).isEqualTo("locustfile.py");
        assertThat(spec.spawnRate()).isEqualTo(12.5);
        assertThat(spec.stages())
                .extracting(Stage::duration, Stage::users)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Duration.ofMinutes(2), 50),
                        org.assertj.core.groups.Tuple.tuple(Duration.ofMinutes(5), 300));
        assertThat(spec.stages().get(0).spawnRate()).isEqualTo(10.0);
        assertThat(spec.runTime()).isEqualTo(Duration.ofMinutes(7));
        assertThat(spec.env()).containsExactly(Map.entry("TENANT", "nightly"));
        assertThat(spec.locustArgs()).containsExactly("--loglevel=DEBUG");
        assertThat(spec.tags()).containsExactly("browse", "checkout");
        assertThat(spec.excludeTags()).containsExactly("admin");
        assertThat(spec.processes()).isEqualTo(3);
        assertThat(spec.hostAliases())
                .containsExactly(new HostAlias("10.0.0.7", List.of("api.internal", "shop.internal")));
        assertThat(spec.startTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(spec.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.image()).isEqualTo("locustio/locust:2.31.0");
    }

    @Test
    void shouldReadOneListEntryPerLineFromTheFormsTextAreas() {
        // given lists as the form's text areas send them
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setStages(List.of("1m:20:5\n\n 2m:0 \r\n"));
        step.setTags(List.of("browse\ncheckout"));
        step.setHostAliases(List.of("10.0.0.7=api.internal\n10.0.0.8=shop.internal"));

        // when
        LoadTestSpec spec = map(step);

        // then
        assertThat(spec.stages()).extracting(Stage::users).containsExactly(20, 0);
        assertThat(spec.tags()).containsExactly("browse", "checkout");
        assertThat(spec.hostAliases()).extracting(HostAlias::ip).containsExactly("10.0.0.7", "10.0.0.8");
    }

    @Test
    void shouldNameEveryBadFurtherFieldAsCoreDoes() {
        // given a bad value in each further parameter
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setSpawnRate(-1.0);
        step.setStages(List.of("two minutes:50"));
        step.setEnv(List.of("=nightly"));
        step.setLocustArgs(List.of("--headless"));
        step.setTags(List.of("browse checkout"));
        step.setProcesses(0);
        step.setStartTimeout("soon");
        step.setStopTimeout("later");

        // when, then
        assertThatThrownBy(() -> map(step))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("spawnRate")
                .hasMessageContaining("stages")
                .hasMessageContaining("env")
                .hasMessageContaining("locustArgs")
                .hasMessageContaining("tags")
                .hasMessageContaining("processes")
                .hasMessageContaining("startTimeout")
                .hasMessageContaining("stopTimeout");
    }

    @Test
    void shouldNameABadHostAliasAndImage() {
        // given
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setHostAliases(List.of("not-an-alias"));
        step.setImage("locustio/locust:latest");

        // when, then
        assertThatThrownBy(() -> map(step))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("hostAliases")
                .hasMessageContaining("image");
    }

    @Test
    void shouldRejectStagesTogetherWithARunTimeAsCoreDoes() {
        // given
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setRunTime("5m");
        step.setStages(List.of("1m:10"));

        // when, then
        assertThatThrownBy(() -> map(step))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("runTime");
    }

    @Test
    void shouldMapEveryKubernetesOptionOntoTheSpec() {
        // given
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setNamespace("perf");
        step.setMasterCpu("750m");
        step.setMasterMemory("768Mi");
        step.setWorkerCpu("2");
        step.setWorkerCpuLimit("3");
        step.setWorkerMemory("2Gi");
        step.setNodeSelector(List.of("pool=load\nzone = a"));
        step.setServiceAccount("locust");
        step.setImagePullSecrets(List.of("registry"));
        step.setPodOverlay("spec:\n  tolerations:\n  - key: load\n");
        step.setWebUi(true);
        step.setMaxWorkerLogs(2);

        // when
        LoadTestSpec spec = map(step);

        // then
        assertThat(spec.masterResources()).isEqualTo(new Resources("750m", null, "768Mi", "768Mi"));
        assertThat(spec.workerResources()).isEqualTo(new Resources("2", "3", "2Gi", "2Gi"));
        KubernetesOptions kubernetes = spec.kubernetes();
        assertThat(kubernetes.namespace()).isEqualTo("perf");
        assertThat(kubernetes.nodeSelector()).containsOnly(Map.entry("pool", "load"), Map.entry("zone", "a"));
        assertThat(kubernetes.serviceAccount()).isEqualTo("locust");
        assertThat(kubernetes.imagePullSecrets()).containsExactly("registry");
        assertThat(kubernetes.podOverlayYaml()).isEqualTo("spec:\n  tolerations:\n  - key: load\n");
        assertThat(kubernetes.webUi()).isTrue();
        assertThat(kubernetes.maxFollowedWorkerLogs()).isEqualTo(2);
    }

    @Test
    void shouldTakeAValuelessEnvEntryFromTheBuildsEnvironment() {
        // given a secret bound by withCredentials, named without its value
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setEnv(List.of("TENANT=nightly", "API_TOKEN"));

        // when
        LoadTestSpec spec = SpecMapping.toSpec(
                step.parameters(), workspace, step.getEnv(), Map.of("API_TOKEN", "s3cr3t", "HOME", "/home/jenkins"));

        // then only the named variables reach the locustfile
        assertThat(spec.env()).containsOnly(Map.entry("TENANT", "nightly"), Map.entry("API_TOKEN", "s3cr3t"));
    }

    @Test
    void shouldNameAnEnvEntryTheBuildDoesNotHaveAndABadNodeSelectorTogetherWithCoresErrors() {
        // given
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setEnv(List.of("API_TOKEN"));
        step.setNodeSelector(List.of("pool"));
        step.setUsers(0);

        // when, then
        assertThatThrownBy(() -> map(step))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("env = 'API_TOKEN': the build's environment has no API_TOKEN")
                .hasMessageContaining("withCredentials")
                .hasMessageContaining("nodeSelector = 'pool': write KEY=VALUE")
                .hasMessageContaining("users");
    }

    @Test
    void shouldUseEveryParameterOfTheStep() throws Exception {
        // given a step's parameters, and a cluster to run on
        StepParameters parameters = new LoadTestStep("perf/locustfile.py").parameters();
        parameters.put("backend", "kubernetes");

        // when the run is placed and its spec built
        BackendChoice.place(parameters, new FixedClusters("cluster-1", null));
        SpecMapping.toSpec(parameters, workspace, List.of(), Map.of());

        // then no parameter is left that nothing reads (env is read by the step itself: it is never kept)
        Set<String> used = new TreeSet<>(parameters.namesRead());
        used.add("env");
        used.add("name"); // name and baseline are read where the build action is attached
        used.add("baseline");
        assertThat(used).containsExactlyInAnyOrderElementsOf(DataBoundParameters.names(LoadTestStep.class));
    }

    @Test
    void shouldApplyTheAdministratorsDefaultsUnderTheStepsOwnValues() {
        // given configured defaults for the image and the start timeout, and a step that sets only the timeout
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setStartTimeout("2m");

        // when
        LoadTestSpec spec =
                SpecMapping.toSpec(step.parameters(), workspace, List.of(), Map.of(), builder -> builder.image(
                                "registry.example.com/locust:2.47.0")
                        .startTimeout("7m"));

        // then the default fills what the step leaves out, and the step wins where it speaks
        assertThat(spec.image()).isEqualTo("registry.example.com/locust:2.47.0");
        assertThat(spec.startTimeout()).isEqualTo(Duration.ofMinutes(2));
    }
}
