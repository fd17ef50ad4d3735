package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.Permission;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import java.util.List;
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
