package io.jenkins.plugins.locust.jenkins.steps;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What a freestyle build gives the load test in place of a Pipeline step's context: its build, workspace,
 * environment and log, and a completion {@link LoadTestBuilder} waits for. Never saved (a freestyle build does not
 * survive a restart), so nothing here is serialized.
 */
final class BuildContext extends StepContext {
    private static final long serialVersionUID = 1L;

    private final transient Run<?, ?> run;
    private final transient FilePath workspace;
    private final transient EnvVars env;
    private final transient TaskListener listener;
    private final transient CompletableFuture<Object> completion = new CompletableFuture<>();

    BuildContext(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.env = env;
        this.listener = listener;
    }

    @Override
    public <T> T get(Class<T> key) {
        Object value = key == Run.class
                ? run
                : key == FilePath.class
                        ? workspace
                        : key == EnvVars.class ? env : key == TaskListener.class ? listener : null;
        return key.cast(value);
    }

    @Override
    public void onSuccess(Object result) {
        completion.complete(result);
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
        return Futures.immediateVoidFuture();
    }

    @Override
    public void setResult(Result r) {
        run.setResult(r);
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("a load test has no body");
    }

    /**
     * Waits for the test to end; rethrows why it failed.
     *
     * @throws InterruptedException when the build is aborted (the caller stops the test)
     */
    Object await() throws Exception {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** After a stop: waits (at most {@code limit}) until the test has removed what it started and completed. */
    void awaitStopped(Duration limit) {
        try {
            completion.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // completed with the abort, or still cleaning up: the build ends as aborted either way
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
