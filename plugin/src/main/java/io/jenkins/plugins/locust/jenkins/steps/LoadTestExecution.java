package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.RemoteOutputStream;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.jenkins.actions.LoadTestBuildAction;
import io.jenkins.plugins.locust.jenkins.actions.LoadTestReports;
import io.jenkins.plugins.locust.jenkins.util.JenkinsFacade;
import io.jenkins.plugins.locust.kubernetes.KubernetesBackend;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.ResumeState;
import io.jenkins.plugins.locust.run.RunIds;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.trend.ComparisonBuilder;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * Runs one {@code loadTest} asynchronously, in the shape of workflow-basic-steps' SleepStep: {@link #start()} decides
 * the backend and the run id, hands the run to a background thread and returns {@code false}; that thread completes
 * the step on every path, whatever it throws; {@link #stop} interrupts it (the engine removes everything it started)
 * and the step fails with the cause.
 *
 * <p>What is persisted with the Pipeline is only durable facts: the parameters without {@code env} (plain JDK values),
 * the backend, the cluster's name and the run id. No connection, secret or environment value.
 */
public final class LoadTestExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    /**
     * Load tests last minutes: they get their own daemon threads, never the shared Timer pool, and never the context
     * class loader of the CPS thread that starts them.
     */
    static final ThreadFactory THREADS =
            new ClassLoaderSanityThreadFactory(new NamingThreadFactory(new DaemonThreadFactory(), "loadTest engine"));

    private static final ExecutorService ENGINE = Executors.newCachedThreadPool(THREADS);

    private final StepParameters parameters;

    @CheckForNull
    private String backend;

    @CheckForNull
    private String cluster;

    @CheckForNull
    private String runId;

    @CheckForNull
    private volatile String phase;

    /** The build action's URL name, once attached: a resumed run finds its action again by it. */
    @CheckForNull
    private volatile String report;

    @CheckForNull
    private transient volatile LoadTestBuildAction action;

    /**
     * What a resume needs, once the run's pods exist: backend, cluster name, namespace, run id, start time and
     * deadlines. Saved with the Pipeline as soon as the runner reports it (a plain public class of strings and longs).
     */
    @CheckForNull
    private volatile ResumeState state;

    @CheckForNull
    private transient volatile LoadTestRunner runner;

    /**
     * The step's env entries: values may be secrets, so they live only as long as this object in memory (null after
     * a restart, when the pods already have them).
     */
    private final transient List<String> env;

    private transient Clusters clusters;
    private transient JenkinsFacade jenkins;

    @CheckForNull
    private transient volatile Future<?> task;

    @CheckForNull
    private transient volatile Throwable stopCause;

    LoadTestExecution(StepContext context, StepParameters parameters, List<String> env, Clusters clusters) {
        super(context);
        this.parameters = parameters;
        this.env = List.copyOf(env);
        this.clusters = clusters;
        this.jenkins = new JenkinsFacade();
    }

    @Override
    public boolean start() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        runId = RunIds.create(jobName(run), run.getNumber());
        stepReport().baselineChoice(); // a bad value fails the step here, before anything is launched
        BackendChoice.Placement placement = BackendChoice.place(parameters, clusters());
        backend = placement.backend();
        cluster = placement.cluster();
        phase = "starting on " + backend + " (run " + runId + ")";
        submit(context, backend.equals(BackendChoice.LOCAL) ? this::runLocally : this::runOnKubernetes);
        return false;
    }

    /** The local backend, on the node holding the workspace; reports come back to the build folder. */
    private LoadTestReports.Published runLocally(StepContext context) throws Exception {
        TaskListener listener = context.get(TaskListener.class);
        // the administrator's limits hold for local runs too: checked here, on a copy, before the agent starts any
        LoadTestSpec spec = SpecMapping.toSpec(parameters, staged(context), env, buildEnv(context));
        clusters().checkQuotas(spec);
        LiveFeed feed = StepReport.feed(spec);
        LoadTestBuildAction attached = attach(context, feed);
        Optional<ComparisonBuilder.Side> base = stepReport().baseline(context.get(Run.class), attached);
        AgentRun.Outcome outcome = workspace(context)
                .act(new AgentRun(
                        parameters,
                        env,
                        buildEnv(context),
                        runId,
                        listener,
                        base.map(b -> ResultJson.toJson(b.result())).orElse(null),
                        new RemoteOutputStream(feed.sink())));
        outcome.writeTo(outputFolder(context));
        return LoadTestReports.complete(attached, base);
    }

    /** Kubernetes, launched from the controller: the script is copied from the workspace (any node) first. */
    private LoadTestReports.Published runOnKubernetes(StepContext context) throws Exception {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        Path outDir = outputFolder(context);
        LoadTestSpec spec =
                SpecMapping.toSpec(parameters, staged(context), env, buildEnv(context), clusters()::applyDefaults);
        clusters().checkQuotas(spec);
        KubernetesConnection connection = clusters().connect(cluster, run);
        LiveFeed feed = StepReport.feed(spec);
        LoadTestBuildAction attached = attach(context, feed);
        Optional<ComparisonBuilder.Side> base = stepReport().baseline(run, attached);
        phase = "launching on Kubernetes (cluster " + cluster + ", run " + runId + ")";
        LoadTestRunner started = new LoadTestRunner(
                new KubernetesBackend(connection), new ConsoleAndLive(listener.getLogger(), feed::accept) {
                    @Override
                    public void started(ResumeState facts) {
                        state = facts.withCluster(cluster);
                        phase = "on Kubernetes (cluster " + cluster + ", run " + runId + ")";
                        context.saveState();
                    }
                });
        runner = started;
        started.run(runId, spec, outDir, base.map(ComparisonBuilder.Side::result));
        return LoadTestReports.complete(attached, base);
    }

    /**
     * After a controller restart: the cluster is looked up again by name, the run's Jobs are found by their run id,
     * the result is rebuilt from the master's output replayed from its start, and the run is followed to its end.
     */
    private LoadTestReports.Published resumeOnKubernetes(StepContext context) throws Exception {
        ResumeState saved = state;
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        Path outDir = outputFolder(context);
        KubernetesConnection connection = clusters().connect(saved.cluster(), run);
        // env is not needed again (the pods have it): the spec gives the workers, durations and thresholds
        LoadTestSpec spec = SpecMapping.toSpec(parameters, outDir.resolve("workspace"), List.of(), Map.of());
        LiveFeed feed = StepReport.feed(spec);
        LoadTestBuildAction attached = stepReport().reattach(run, report, feed);
        action = attached;
        Optional<ComparisonBuilder.Side> base = stepReport().baseline(run, attached);
        LoadTestRunner resumed = new LoadTestRunner(
                new KubernetesBackend(connection), new ConsoleAndLive(listener.getLogger(), feed::accept));
        runner = resumed;
        phase = "on Kubernetes (cluster " + cluster + ", run " + runId + ", resumed after a restart)";
        resumed.resume(saved, spec, outDir, base.map(ComparisonBuilder.Side::result));
        return LoadTestReports.complete(attached, base);
    }

    /** A run's body on the engine thread: returns the verdict, or throws why there is none. */
    @FunctionalInterface
    interface Body {
        LoadTestReports.Published run(StepContext context) throws Exception;
    }

    private void submit(StepContext context, Body body) {
        Authentication identity = jenkins().currentIdentity();
        task = ENGINE.submit(() -> {
            try (ACLContext ignored = ACL.as2(identity)) {
                context.get(TaskListener.class)
                        .getLogger()
                        .println(
                                cluster == null
                                        ? Messages.LoadTestExecution_Run(runId, backend, described())
                                        : Messages.LoadTestExecution_RunOnCluster(
                                                runId, backend, cluster, described()));
                LoadTestReports.Published published = body.run(context);
                runner = null; // the status says the verdict alone once the step completes, not the last progress
                phase = "finished: " + published.verdict().status();
                StepCompletion.complete(context, published);
            } catch (Throwable t) { // an Error too: an uncompleted step would hang the build
                runner = null;
                phase = "failed";
                Throwable failure = failure(t);
                LoadTestBuildAction attached = action;
                if (attached != null) {
                    attached.fail(String.valueOf(failure.getMessage()));
                }
                context.onFailure(failure);
            }
        });
    }

    /** The parameters as the build log shows them, with the names (never the values) of the env entries. */
    private String described() {
        return parameters.describe() + (env == null || env.isEmpty() ? "" : ", env names=" + envNames());
    }

    /** Why the step fails: the abort's cause once stopped, else a short message for what the user can fix. */
    private Throwable failure(Throwable thrown) {
        Throwable stopped = stopCause;
        if (stopped != null) {
            return stopped;
        }
        if (thrown instanceof InvalidSpecException || thrown instanceof LoadTestException) {
            return new AbortException(Messages.LoadTest_Problem(thrown.getMessage()));
        }
        return thrown;
    }

    /** Interrupts the run; the engine removes everything it started, then fails the step with {@code cause}. */
    @Override
    public void stop(Throwable cause) throws Exception {
        stopCause = cause;
        phase = "stopping: " + cause;
        Future<?> running = task;
        if (running == null || running.isDone()) {
            getContext().onFailure(cause);
        } else {
            running.cancel(true);
        }
    }

    /**
     * Carries on a Kubernetes run whose pods exist; fails with the reason otherwise (a local run ended with the
     * controller's connection to its agent; a run interrupted while it was being launched has nothing to follow).
     */
    @Override
    public void onResume() {
        StepContext context = getContext();
        if (state == null) {
            context.onFailure(new AbortException(
                    BackendChoice.LOCAL.equals(backend)
                            ? Messages.LoadTestExecution_ResumedLocal()
                            : Messages.LoadTestExecution_ResumedUnlaunched()));
            return;
        }
        phase = "resuming " + state;
        submit(context, this::resumeOnKubernetes);
    }

    /** The phase, and while the engine runs its progress: workers connected, or the live numbers. */
    @Override
    public String getStatus() {
        String current = phase == null ? "waiting to start" : phase;
        LoadTestRunner active = runner;
        Future<?> running = task;
        return active == null || running == null || running.isDone() ? current : current + ": " + active.status();
    }

    /**
     * A restart while a run is being launched, or runs on the local backend, would lose it: wait for those. A
     * Kubernetes run whose resume facts are saved carries on after the restart, so it does not hold Jenkins up.
     */
    @Override
    public boolean blocksRestart() {
        Future<?> running = task;
        boolean active = running != null && !running.isDone();
        return active && (state == null || !BackendChoice.KUBERNETES.equals(backend));
    }

    /** The build action, attached as the test starts, so its page shows the progress. */
    private LoadTestBuildAction attach(StepContext context, LiveFeed feed) throws Exception {
        LoadTestBuildAction attached = stepReport().attach(context.get(Run.class), feed);
        action = attached;
        report = attached.getUrlName();
        context.saveState();
        return attached;
    }

    private StepReport stepReport() {
        return new StepReport(parameters, runId);
    }

    /** The parameters this execution keeps (without env). */
    StepParameters parameters() {
        return parameters;
    }

    private List<String> envNames() {
        return env.stream().map(entry -> entry.split("=", 2)[0]).toList();
    }

    /** Tests stand in for the global configuration, which needs a running Jenkins. */
    void useClusters(Clusters clusters) {
        this.clusters = clusters;
    }

    private Clusters clusters() {
        if (clusters == null) {
            clusters = Clusters.fromConfiguration();
        }
        return clusters;
    }

    private JenkinsFacade jenkins() {
        if (jenkins == null) {
            jenkins = new JenkinsFacade();
        }
        return jenkins;
    }

    private static FilePath workspace(StepContext context) throws Exception {
        FilePath workspace = context.get(FilePath.class);
        if (workspace == null) {
            throw new AbortException(Messages.LoadTestExecution_NoWorkspace());
        }
        return workspace;
    }

    /** The build's environment: withEnv, environment {}, withCredentials and node properties apply. */
    private static Map<String, String> buildEnv(StepContext context) throws Exception {
        EnvVars env = context.get(EnvVars.class);
        return env == null ? Map.of() : env;
    }

    /** The script (or its folder) copied from the workspace, on any node, into the run's output folder. */
    private Path staged(StepContext context) throws Exception {
        Path staged = outputFolder(context).resolve("workspace");
        workspace(context).act(new WorkspaceScript(parameters.text("script"))).writeTo(staged);
        return staged;
    }

    /** {@code <build>/locust/<run id>}: one folder per run, so parallel loadTest calls never share one. */
    private Path outputFolder(StepContext context) throws Exception {
        File rootDir = context.get(Run.class).getRootDir();
        return rootDir.toPath().resolve("locust").resolve(runId);
    }

    /** {@code folder/job#42} → {@code folder/job}. */
    static String jobName(Run<?, ?> run) {
        String id = run.getExternalizableId();
        int hash = id.lastIndexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }
}
