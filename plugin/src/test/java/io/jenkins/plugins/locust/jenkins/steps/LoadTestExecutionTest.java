package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

class LoadTestExecutionTest {
    @Test
    void shouldSucceedWhenTheVerdictPasses() {
        RecordingContext context = new RecordingContext();

        LoadTestExecution.complete(context, VerdictStatus.PASSED);

        assertThat(context.events).containsExactly("success");
    }

    @Test
    void shouldMarkTheBuildUnstableAndGoOnWhenTheVerdictIsUnstable() {
        RecordingContext context = new RecordingContext();

        LoadTestExecution.complete(context, VerdictStatus.UNSTABLE);

        assertThat(context.events).containsExactly("result", "success");
    }

    @Test
    void shouldFailTheStepPolitelyWhenTheVerdictFails() {
        RecordingContext context = new RecordingContext();

        LoadTestExecution.complete(context, VerdictStatus.FAILED);

        assertThat(context.events).containsExactly("failure");
        assertThat(context.failure).isInstanceOf(AbortException.class).hasMessageContaining("thresholds failed");
    }

    @Test
    void shouldKeepOnlySerializableStateForProgramDat() throws IOException {
        LoadTestExecution execution = new LoadTestExecution(
                new RecordingContext(), new StepArguments("a.py", 10, 1, "1m", null, List.of("p95 < 1s")));

        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(execution);
        }
        assertThat(execution.getStatus()).isEqualTo("waiting to start");
    }

    @Test
    void shouldSayWhatToDoWhenTheRunCannotGoOn() {
        assertThat(LoadTestExecution.NOT_ON_CONTROLLER).contains("node('built-in')");
        assertThat(LoadTestExecution.RESUMED).contains("Run the build again");
    }

    /** Records how the step was completed; stands in for the Pipeline's context. */
    static final class RecordingContext extends StepContext {
        private static final long serialVersionUID = 1L;
        final transient List<String> events = new ArrayList<>();
        transient Throwable failure;

        @Override
        public <T> T get(Class<T> key) {
            return null;
        }

        @Override
        public void onSuccess(Object result) {
            events.add("success");
        }

        @Override
        public void onFailure(Throwable t) {
            events.add("failure");
            failure = t;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public ListenableFuture<Void> saveState() {
            return null;
        }

        @Override
        public void setResult(Result r) {
            events.add("result");
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
