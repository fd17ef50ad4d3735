package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import io.jenkins.plugins.locust.run.ResumeState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A running execution as this version saved it, checked in: it must still read back (the regression test Jenkins' own
 * steps keep for program.dat). {@code LoadTestExecution-1.ser} is Java serialization, {@code LoadTestExecution-1.river}
 * JBoss Marshalling River 2.2.2.Final, the marshaller Pipeline uses. To freeze a new version, run this class with
 * {@code -Dloadtest.freeze=true} and check the new files in next to the old ones.
 */
class FrozenSerialFormTest {
    private static final int CONTEXT_ID = 4242;
    private static final Path FROZEN = Path.of("src/test/resources/io/jenkins/plugins/locust/jenkins/steps");
    private static final Instant STARTED = Instant.parse("2026-12-03T08:00:00Z");

    @TempDir
    Path builds;

    @Test
    void shouldReadTheJavaSerializedExecutionOfVersion1() throws Exception {
        TestStepContext context = liveContext();

        Object read;
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(Files.readAllBytes(FROZEN.resolve("LoadTestExecution-1.ser"))))) {
            read = in.readObject();
        }

        assertFrozenExecution(read, context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.2.2.Final", "2.3.0"})
    void shouldReadTheRiverSerializedExecutionOfVersion1(String version) throws Exception {
        TestStepContext context = liveContext();

        Object read =
                RiverMarshalling.of(version).read(Files.readAllBytes(FROZEN.resolve("LoadTestExecution-1.river")));

        assertFrozenExecution(read, context);
    }

    @Test
    void shouldFreezeTheCurrentVersionWhenAskedTo() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("loadtest.freeze"), "-Dloadtest.freeze=true writes the frozen forms");
        LoadTestExecution execution = frozenExecution(liveContext());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(execution);
        }
        Files.write(FROZEN.resolve("LoadTestExecution-1.ser"), bytes.toByteArray());
        Files.write(
                FROZEN.resolve("LoadTestExecution-1.river"),
                RiverMarshalling.of("2.2.2.Final").write(execution));
    }

    /** What version 1 saved, and what it must still mean: the parameters, the phase and the resume facts. */
    private static void assertFrozenExecution(Object read, TestStepContext context) throws Exception {
        assertThat(read).isInstanceOf(LoadTestExecution.class);
        LoadTestExecution execution = (LoadTestExecution) read;
        assertThat(execution.getContext()).isSameAs(context);
        assertThat(execution.parameters()).isEqualTo(frozenExecution(context).parameters());
        assertThat(execution.getStatus()).isEqualTo("on Kubernetes (cluster prod, run shop-checkout-7-abcde)");
        // the resume facts came back: onResume looks the cluster up by its saved name
        execution.useClusters(new FixedClusters("prod", null));
        execution.onResume();
        assertThat(context.awaitCompletion(Duration.ofSeconds(30)))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("cluster 'prod' cannot be reached");
    }

    private TestStepContext liveContext() {
        return TestStepContext.withId(
                CONTEXT_ID,
                new TestRun(builds.toFile(), 7),
                new RecordingListener(),
                new FilePath(builds.toFile()),
                new EnvVars());
    }

    /** An execution of version 1 as it is saved while its run goes on, on the cluster named prod. */
    private static LoadTestExecution frozenExecution(TestStepContext context) throws Exception {
        LoadTestStep step = new LoadTestStep("perf");
        step.setUsers(200);
        step.setSlaves(4);
        step.setSpawnRate(20.0);
        step.setRunTime("5m");
        step.setThresholds(List.of("p95 < 800ms", "fail_ratio < 1%"));
        step.setBackend("kubernetes");
        step.setCluster("prod");
        step.setWebUi(true);
        LoadTestExecution execution =
                new LoadTestExecution(context, step.parameters(), List.of(), new FixedClusters("prod", null));
        set(execution, "backend", "kubernetes");
        set(execution, "cluster", "prod");
        set(execution, "runId", "shop-checkout-7-abcde");
        set(execution, "phase", "on Kubernetes (cluster prod, run shop-checkout-7-abcde)");
        set(
                execution,
                "state",
                new ResumeState(
                        "prod",
                        "kubernetes",
                        "loadtest",
                        "shop-checkout-7-abcde",
                        STARTED,
                        STARTED.plusSeconds(300),
                        STARTED.plusSeconds(690)));
        return execution;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = LoadTestExecution.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
