package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import hudson.FilePath;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pipeline saves running step executions into program.dat with JBoss Marshalling River (workflow-support's
 * RiverWriter/RiverReader: a RiverMarshallerFactory, and on reading a SimpleClassResolver over the plugins' class
 * loader). Each River version runs in its own class loader, as the jars the build copies to target/river/VERSION:
 * 2.2.2.Final, which workflow-support bundled until late 2025, and the newest release on Maven Central.
 */
class RiverRoundTripTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"2.2.2.Final", "2.3.0"})
    void shouldSaveAndReadBackARunningExecutionWithEveryParameter(String version) throws Exception {
        // given an execution with every kind of parameter value
        LoadTestStep step = new LoadTestStep("perf");
        step.setUsers(50);
        step.setSpawnRate(2.5);
        step.setThresholds(List.of("p95 < 800ms", "fail_ratio < 1%"));
        step.setWebUi(true);
        step.setBackend("kubernetes");
        step.setEnv(List.of("API_TOKEN=s3cr3t"));
        TestStepContext context = new TestStepContext(
                new TestRun(folder.toFile(), 3), new RecordingListener(), new FilePath(folder.toFile()), new EnvVars());
        LoadTestExecution execution =
                new LoadTestExecution(context, step.parameters(), step.getEnv(), new FixedClusters("prod", null));

        // when River writes and reads it
        Object read = RiverMarshalling.of(version).roundTrip(execution);

        // then it is the same execution, on the same (re-linked) context
        assertThat(read).isInstanceOf(LoadTestExecution.class);
        LoadTestExecution copy = (LoadTestExecution) read;
        assertThat(copy.parameters()).isEqualTo(execution.parameters());
        assertThat(copy.getContext()).isSameAs(context);
        assertThat(copy.getStatus()).isEqualTo(execution.getStatus());
    }

    /** The test proves something: this River really refuses what the step used to persist (JBMAR-261). */
    @ParameterizedTest
    @ValueSource(strings = {"2.2.2.Final"})
    void shouldBeAMarshallerThatCannotReadANonPublicRecord(String version) {
        assertThatThrownBy(() -> RiverMarshalling.of(version).roundTrip(new PackagePrivate("perf", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot invoke record getter script");
    }

    record PackagePrivate(String script, Integer users) implements Serializable {}
}
