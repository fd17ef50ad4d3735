package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.Permission;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadTestStepTest {
    @Test
    void shouldKeepTheScriptAndLeaveOptionalParametersToTheSpecDefaults() {
        LoadTestStep step = new LoadTestStep(" perf/locustfile.py ");

        assertThat(step.getScript()).isEqualTo("perf/locustfile.py");
        assertThat(step.getUsers()).isNull();
        assertThat(step.getSlaves()).isNull();
        assertThat(step.describe()).isEqualTo("script=perf/locustfile.py, users=default, slaves=default");
    }

    @Test
    void shouldBindUsersAndSlavesThroughTheirSetters() {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");

        step.setUsers(500);
        step.setSlaves(4);

        assertThat(step.getUsers()).isEqualTo(500);
        assertThat(step.getSlaves()).isEqualTo(4);
        assertThat(step.describe()).isEqualTo("script=perf/locustfile.py, users=500, slaves=4");
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

    @Test
    void shouldExplainThatTheEngineIsNotWiredYet() {
        assertThat(String.format(LoadTestStep.Execution.NOT_WIRED, "script=a.py"))
                .isEqualTo("loadTest: the engine is not wired into the plugin yet; nothing was started"
                        + " (script=a.py)");
    }

    @Test
    void shouldKeepOnlySerializableStateInTheExecution() throws IOException {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setUsers(10);

        LoadTestStep.Execution execution = new LoadTestStep.Execution(null, step);

        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(execution); // a resumable execution is written to program.dat
        }
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
