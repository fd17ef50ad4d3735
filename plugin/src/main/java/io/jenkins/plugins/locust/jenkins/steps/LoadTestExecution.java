package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.File;
import java.nio.file.Paths;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs the load test asynchronously, in the shape of workflow-basic-steps' SleepStep: {@link #start()} validates the
 * input (every bad field at once), starts the engine on a background thread and returns {@code false}; the thread
 * completes the step; {@link #stop} interrupts it (the engine removes everything it started); {@link #onResume()}
 * reports what a controller restart did to the run.
 *
 * <p>For now the engine runs the local backend on the controller; the Kubernetes backend, which survives a restart
 * and can be re-attached by its run label, comes with core's Kubernetes backend.
 */
final class LoadTestExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    /** Load tests last minutes: they get their own daemon threads, never the shared Timer pool. */
    private static final ExecutorService ENGINE = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loadTest engine");
        thread.setDaemon(true);
        return thread;
    });

    private final StepArguments arguments;

    @CheckForNull
    private volatile String phase;

    @CheckForNull
    private transient volatile Future<?> task;

    LoadTestExecution(StepContext context, StepArguments arguments) {
        super(context);
        this.arguments = arguments;
    }

    @Override
    public boolean start() throws Exception {
        StepContext context = getContext();
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        Run<?, ?> run = context.get(Run.class);
        if (workspace == null || workspace.isRemote()) {
            throw new AbortException(NOT_ON_CONTROLLER);
        }
        EngineRun engine;
        try {
            engine = new EngineRun(
                    arguments,
                    Paths.get(workspace.getRemote()),
                    new File(run.getRootDir(), "locust").toPath(),
                    System.getenv(),
                    listener.getLogger()::println);
        } catch (InvalidSpecException e) {
            throw new AbortException("loadTest: " + e.getMessage());
        }
        phase = "running Locust (" + arguments.describe() + ")";
        task = ENGINE.submit(() -> runEngine(context, engine));
        return false;
    }

    private void runEngine(StepContext context, EngineRun engine) {
        try {
            VerdictStatus status = engine.run();
            phase = "finished: " + status;
            complete(context, status);
        } catch (LoadTestException e) {
            context.onFailure(new AbortException("loadTest: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() interrupted us and has completed the step already
        } catch (RuntimeException e) {
            context.onFailure(e);
        }
    }

    /** A passed run succeeds; an unstable one marks the build UNSTABLE and goes on; a failed one fails the step. */
    static void complete(StepContext context, VerdictStatus status) {
        switch (status) {
            case PASSED -> context.onSuccess(null);
            case UNSTABLE -> {
                context.setResult(Result.UNSTABLE);
                context.onSuccess(null);
            }
            case FAILED ->
                context.onFailure(
                        new AbortException("loadTest: thresholds failed (see the verdict above); the build fails"));
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> running = task;
        if (running != null) {
            running.cancel(true); // the runner closes its backend, removing every process, on interruption
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException(RESUMED));
    }

    @Override
    public String getStatus() {
        String current = phase;
        return current == null ? "waiting to start" : current;
    }

    static final String NOT_ON_CONTROLLER = "loadTest: for now Locust runs on the Jenkins controller (the local"
            + " backend), so the step needs a workspace there: run it in node('built-in'). The Kubernetes backend will"
            + " lift this.";

    static final String RESUMED = "loadTest: Jenkins restarted while the load test ran; its local Locust processes"
            + " ended with the controller. Run the build again.";
}
