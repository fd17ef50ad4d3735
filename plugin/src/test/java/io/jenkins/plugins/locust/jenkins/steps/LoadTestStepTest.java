package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.Permission;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadTestStepTest {
    @Test
    void shouldKeepTheScriptAndLeaveOptionalParametersToTheSpecDefaults() {
        LoadTestStep step = new LoadTestStep(" perf/locustfile.py ");

        assertThat(step.getScript()).isEqualTo("perf/locustfile.py");
        assertThat(step.getUsers()).isNull();
        assertThat(step.getSlaves()).isNull();
        assertThat(step.getRunTime()).isNull();
        assertThat(step.getHost()).isNull();
        assertThat(step.getThresholds()).isEmpty();
        assertThat(step.arguments().describe())
                .isEqualTo("script=perf/locustfile.py, users=default, slaves=default, runTime=default,"
                        + " host=default, thresholds=[]");
    }

    @Test
    void shouldBindTheOptionalParametersThroughTheirSetters() {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");

        step.setUsers(500);
        step.setSlaves(4);
        step.setRunTime(" 5m ");
        step.setHost("http://127.0.0.1:8080");
        step.setThresholds(List.of("p95 < 800ms"));

        assertThat(step.getUsers()).isEqualTo(500);
        assertThat(step.getSlaves()).isEqualTo(4);
        assertThat(step.getRunTime()).isEqualTo("5m");
        assertThat(step.getHost()).isEqualTo("http://127.0.0.1:8080");
        assertThat(step.getThresholds()).containsExactly("p95 < 800ms");
        assertThat(step.arguments())
                .isEqualTo(new StepArguments(
                        "perf/locustfile.py", 500, 4, "5m", "http://127.0.0.1:8080", List.of("p95 < 800ms")));
    }

    @Test
    void shouldTreatBlankTextAsNotGiven() {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");

        step.setRunTime(" ");
        step.setHost("");
        step.setThresholds(null);

        assertThat(step.getRunTime()).isNull();
        assertThat(step.getHost()).isNull();
        assertThat(step.getThresholds()).isEmpty();
    }

    @Test
    void shouldLeaveTheFurtherParametersToTheSpecDefaults() {
        // given, when
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");

        // then
        assertThat(step.getLocustfile()).isNull();
        assertThat(step.getSpawnRate()).isNull();
        assertThat(step.getStages()).isEmpty();
        assertThat(step.getEnv()).isEmpty();
        assertThat(step.getLocustArgs()).isEmpty();
        assertThat(step.getTags()).isEmpty();
        assertThat(step.getExcludeTags()).isEmpty();
        assertThat(step.getProcesses()).isNull();
        assertThat(step.getHostAliases()).isEmpty();
        assertThat(step.getStartTimeout()).isNull();
        assertThat(step.getStopTimeout()).isNull();
        assertThat(step.getImage()).isNull();
    }

    @Test
    void shouldBindTheFurtherParametersThroughTheirSetters() {
        // given
        LoadTestStep step = new LoadTestStep("perf");

        // when
        step.setLocustfile(" shop.py ");
        step.setSpawnRate(2.5);
        step.setStages(List.of("1m:10:2"));
        step.setEnv(Map.of("TENANT", "nightly"));
        step.setLocustArgs(List.of("--loglevel=DEBUG"));
        step.setTags(List.of("browse"));
        step.setExcludeTags(List.of("admin"));
        step.setProcesses(2);
        step.setHostAliases(List.of("10.0.0.7=api.internal"));
        step.setStartTimeout(" 3m ");
        step.setStopTimeout("0s");
        step.setImage("locustio/locust:2.47.0");

        // then
        assertThat(step.getLocustfile()).isEqualTo("shop.py");
        assertThat(step.getSpawnRate()).isEqualTo(2.5);
        assertThat(step.getStages()).containsExactly("1m:10:2");
        assertThat(step.getEnv()).containsExactly(Map.entry("TENANT", "nightly"));
        assertThat(step.getLocustArgs()).containsExactly("--loglevel=DEBUG");
        assertThat(step.getTags()).containsExactly("browse");
        assertThat(step.getExcludeTags()).containsExactly("admin");
        assertThat(step.getProcesses()).isEqualTo(2);
        assertThat(step.getHostAliases()).containsExactly("10.0.0.7=api.internal");
        assertThat(step.getStartTimeout()).isEqualTo("3m");
        assertThat(step.getStopTimeout()).isEqualTo("0s");
        assertThat(step.getImage()).isEqualTo("locustio/locust:2.47.0");
        assertThat(step.arguments())
                .extracting(
                        StepArguments::locustfile,
                        StepArguments::spawnRate,
                        StepArguments::processes,
                        StepArguments::startTimeout,
                        StepArguments::stopTimeout,
                        StepArguments::image)
                .containsExactly("shop.py", 2.5, 2, "3m", "0s", "locustio/locust:2.47.0");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void shouldTakeEnvNamesAndValuesAsTextKeepingTheirOrder() {
        // given a Groovy map as a pipeline may pass it: a number and a non-String text among the values
        Map raw = new LinkedHashMap<>();
        raw.put("TENANT", new StringBuilder("nightly"));
        raw.put("SEED", 42);
        raw.put("EMPTY", null);

        // when
        LoadTestStep step = new LoadTestStep("perf");
        step.setEnv(raw);

        // then
        assertThat(step.getEnv().keySet()).containsExactly("TENANT", "SEED", "EMPTY");
        assertThat(step.getEnv()).containsEntry("TENANT", "nightly").containsEntry("SEED", "42");
        assertThat(step.getEnv().get("EMPTY")).isNull();
    }

    @Test
    void shouldLogOnlyTheGivenFurtherParametersAndNoEnvValues() {
        // given
        LoadTestStep step = new LoadTestStep("perf");
        step.setSpawnRate(5.0);
        step.setEnv(Map.of("API_TOKEN", "s3cr3t"));

        // when
        String described = step.arguments().describe();

        // then
        assertThat(described).endsWith(", spawnRate=5.0, env=[API_TOKEN]").doesNotContain("s3cr3t");
    }

    @Test
    void shouldSurviveSerialisationWithEveryParameter() throws Exception {
        // given
        LoadTestStep step = new LoadTestStep("perf");
        step.setStages(List.of("1m:10"));
        step.setEnv(Map.of("TENANT", "nightly"));
        step.setTags(List.of("browse"));
        StepArguments arguments = step.arguments();

        // when
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(arguments);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }

        // then
        assertThat(read).isEqualTo(arguments);
    }

    @Test
    void shouldBeCalledLoadTestInPipelines() {
        LoadTestStep.DescriptorImpl descriptor = new LoadTestStep.DescriptorImpl(new AllowingFacade(true));

        assertThat(descriptor.getFunctionName()).isEqualTo("loadTest");
        assertThat(descriptor.getDisplayName()).isEqualTo("Run a distributed Locust load test");
    }

    @Test
    void shouldNeedTheRunItsLogAndAWorkspace() {
        LoadTestStep.DescriptorImpl descriptor = new LoadTestStep.DescriptorImpl(new AllowingFacade(true));

        Set<Class<?>> required = Set.copyOf(descriptor.getRequiredContext());

        assertThat(required).containsExactlyInAnyOrder(Run.class, TaskListener.class, FilePath.class);
    }

    /** A facade that answers every permission question the same way, without Jenkins. */
    static final class AllowingFacade extends JenkinsFacade {
        private static final long serialVersionUID = 1L;
        private final boolean allowed;

        AllowingFacade(boolean allowed) {
            this.allowed = allowed;
        }

        @Override
        public boolean hasPermission(Permission permission, Item item) {
            return allowed;
        }
    }
}
