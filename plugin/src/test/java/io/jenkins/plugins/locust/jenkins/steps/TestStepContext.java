package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A Pipeline step context without Jenkins: it supplies the run, its log, the workspace and the build's environment,
 * and records how the step completed. Serialized, it becomes a reference by id that reads back as whatever context is
 * then registered under that id: this is what workflow-cps does after a restart, where the execution read from
 * program.dat finds the live context of the resumed build.
 */
final class TestStepContext extends StepContext {
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Map<Integer, TestStepContext> LIVE = new ConcurrentHashMap<>();

    final int id;
    final transient TestRun run;
    final transient RecordingListener listener;
    final transient FilePath workspace;
    final transient EnvVars env;
    final transient CompletableFuture<Object> completion = new CompletableFuture<>();
    transient volatile Result result;
    /** The step's node in the flow graph: what marks the stage. */
    final transient TestFlowNode node = new TestFlowNode();

    transient volatile int saves;

    TestStepContext(TestRun run, RecordingListener listener, FilePath workspace, EnvVars env) {
        this(IDS.incrementAndGet(), run, listener, workspace, env);
    }

    private TestStepContext(int id, TestRun run, RecordingListener listener, FilePath workspace, EnvVars env) {
        this.id = id;
        this.run = run;
        this.listener = listener;
        this.workspace = workspace;
        this.env = env;
        LIVE.put(id, this);
    }

    /** A context with a fixed id, as a frozen serial form refers to it. */
    static TestStepContext withId(int id, TestRun run, RecordingListener listener, FilePath workspace, EnvVars env) {
        return new TestStepContext(id, run, listener, workspace, env);
    }

    /** The context of the same step in the "restarted" build: a new object, with a new log. */
    TestStepContext afterRestart(RecordingListener newListener) {
        return new TestStepContext(id, run, newListener, workspace, env);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Class<T> key) {
        if (key == Run.class) {
            return (T) run;
        }
        if (key == TaskListener.class) {
            return (T) listener;
        }
        if (key == FilePath.class) {
            return (T) workspace;
        }
        if (key == EnvVars.class) {
            return (T) env;
        }
        if (key == FlowNode.class) {
            return (T) node;
        }
        return null;
    }

    @Override
    public void onSuccess(Object value) {
        completion.complete(value);
    }

    @Override
    public void onFailure(Throwable t) {
        completion.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        saves++;
        return Futures.immediateVoidFuture();
    }

    @Override
    public void setResult(Result r) {
        result = r;
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("loadTest takes no body");
    }

    /** Waits for the step to complete and returns the failure, or null when it succeeded. */
    Throwable awaitCompletion(Duration timeout) throws Exception {
        try {
            completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the step did not complete within " + timeout + "; log:\n" + listener.text(), e);
        }
    }

    void assertNotCompleted() {
        assertThat(completion).as("step completion").isNotDone();
    }

    private Object writeReplace() {
        return new Ref(id);
    }

    /** The serial form: only the id (a plain class: River 2.2.2 cannot read non-public records). */
    private static final class Ref implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int id;

        Ref(int id) {
            this.id = id;
        }

        private Object readResolve() {
            return LIVE.get(id);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestStepContext other && other.id == id;
    }

    @Override
    public int hashCode() {
        return id;
    }
}
