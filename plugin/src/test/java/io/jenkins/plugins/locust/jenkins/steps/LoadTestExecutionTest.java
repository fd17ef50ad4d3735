package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.locust.jenkins.actions.LoadTestReports;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** The execution driven through the (stubbed) Pipeline API, up to the point where a backend would start. */
class LoadTestExecutionTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path workspace;

    @TempDir
    Path builds;

    @AfterEach
    void forgetIdentity() {
        SecurityContextHolder.clearContext();
    }

    private static LoadTestReports.Published published(VerdictStatus status, ThresholdOutcome... outcomes) {
        Verdict verdict = new Verdict(status, List.of(outcomes));
        return new LoadTestReports.Published(verdict, Map.of("verdict", status.name(), "reportUrl", "job/x/7/locust/"));
    }

    private static ThresholdOutcome breached(String expression, String actual, Severity severity) {
        return new ThresholdOutcome(expression, actual, "limit", OutcomeStatus.FAILED, severity, "breached");
    }

    @Test
    void shouldReturnTheMapWhenTheVerdictPassesAndMarkBuildAndStageWhenItIsUnstable() throws Exception {
        // given
        TestStepContext passed = context(new EnvVars());
        TestStepContext unstable = context(new EnvVars());

        // when
        StepCompletion.complete(passed, published(VerdictStatus.PASSED));
        StepCompletion.complete(
                unstable, published(VerdictStatus.UNSTABLE, breached("p99 < 2s unstable", "2.4 s", Severity.UNSTABLE)));

        // then both return the map; only the unstable one marks the build and the step's node (its stage)
        assertThat(passed.awaitCompletion(DEADLINE)).isNull();
        assertThat(passed.completion.get()).isEqualTo(Map.of("verdict", "PASSED", "reportUrl", "job/x/7/locust/"));
        assertThat(passed.node.actions).isEmpty();
        assertThat(unstable.awaitCompletion(DEADLINE)).isNull();
        assertThat(unstable.completion.get())
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("verdict", "UNSTABLE");
        assertThat(unstable.node.actions)
                .singleElement()
                .isInstanceOfSatisfying(WarningAction.class, warning -> assertThat(warning.getMessage())
                        .isEqualTo("loadTest UNSTABLE: p99 < 2s unstable (actual 2.4 s)"));
    }

    @Test
    void shouldFailTheStepListingTheBreachedThresholdsWhenTheVerdictFails() throws Exception {
        // given
        TestStepContext context = context(new EnvVars());

        // when
        StepCompletion.complete(
                context,
                published(
                        VerdictStatus.FAILED,
                        breached("p95 < 800ms", "950 ms", Severity.FAILURE),
                        breached("p99 < 2s unstable", "2.4 s", Severity.UNSTABLE),
                        breached("fail_ratio < 1%", "2.3 %", Severity.FAILURE)));

        // then the failure-level breaches are named, with the report's address
        assertThat(context.awaitCompletion(DEADLINE))
                .isInstanceOf(AbortException.class)
                .hasMessage("loadTest FAILED: p95 < 800ms (actual 950 ms); fail_ratio < 1% (actual 2.3 %)"
                        + " (report: job/x/7/locust/)");
        assertThat(context.node.actions).isEmpty();
    }

    @Test
    void shouldRefuseABadBaselineBeforeLaunchingAnything() throws Exception {
        // given
        writeLocustfile();
        TestStepContext context = context(new EnvVars());
        LoadTestStep step = step("local");
        step.setBaseline("yesterday");

        // when / then
        assertThatThrownBy(() -> execution(context, step, new FixedClusters("test", null))
                        .start())
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("baseline: 'yesterday' is not a baseline")
                .hasMessageContaining("'lastSuccessful'");
        assertThat(context.run.getActions(Action.class)).isEmpty();
    }

    @Test
    void shouldCompleteTheStepWhenTheEngineThreadHitsAnError() throws Exception {
        // given a cluster whose client classes are missing (an Error, not an Exception)
        writeLocustfile();
        TestStepContext context = context(new EnvVars());
        LoadTestExecution execution = execution(context, step("kubernetes"), new FailingClusters());

        // when
        boolean synchronous = execution.start();

        // then the step still completes, with the error, instead of hanging the build
        assertThat(synchronous).isFalse();
        assertThat(context.awaitCompletion(DEADLINE))
                .isInstanceOf(NoClassDefFoundError.class)
                .hasMessageContaining("io/fabric8");
        assertThat(execution.getStatus()).isEqualTo("failed");
    }

    @Test
    void shouldRunAsTheBuildsIdentityOnAThreadWithoutTheCallersContextClassLoader() throws Exception {
        // given the CPS thread's identity and its class loader
        writeLocustfile();
        SecurityContextHolder.setContext(new SecurityContextImpl(new TestingAuthenticationToken("alice", "")));
        ClassLoader cpsLoader = new URLClassLoader(new URL[0], getClass().getClassLoader());
        Thread.currentThread().setContextClassLoader(cpsLoader);
        TestStepContext context = context(new EnvVars());
        try {
            // when
            execution(context, step("kubernetes"), new FixedClusters("cluster-1", null))
                    .start();
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
            SecurityContextHolder.clearContext();
        }

        // then the engine thread printed as alice, without the CPS thread's class loader
        assertThat(context.awaitCompletion(DEADLINE)).hasMessageContaining("cannot be reached");
        assertThat(context.listener.printedAs).first().satisfies(identity -> assertThat(identity.getName())
                .isEqualTo("alice"));
        assertThat(context.listener.printedWithLoader).isNotEmpty().doesNotContain(cpsLoader);
        Thread fresh = LoadTestExecution.THREADS.newThread(() -> {});
        assertThat(fresh.isDaemon()).isTrue();
        assertThat(fresh.getName()).startsWith("loadTest engine");
    }

    @Test
    void shouldTakeEnvValuesFromTheStepContextsEnvironment() throws Exception {
        // given a variable the build's environment does not have, and one it has
        writeLocustfile();
        LoadTestStep step = step("kubernetes");
        step.setEnv(List.of("API_TOKEN"));
        TestStepContext without = context(new EnvVars());
        TestStepContext with = context(new EnvVars(Map.of("API_TOKEN", "s3cr3t")));

        // when
        execution(without, step, new FixedClusters("cluster-1", null)).start();
        execution(with, step, new FixedClusters("cluster-1", null)).start();

        // then the first fails naming the variable, the second gets past the spec to the cluster
        assertThat(without.awaitCompletion(DEADLINE))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("env = 'API_TOKEN': the build's environment has no API_TOKEN")
                .hasMessageContaining("withCredentials");
        assertThat(with.awaitCompletion(DEADLINE)).hasMessageContaining("cluster 'cluster-1' cannot be reached");
        assertThat(with.listener.text()).contains("env names=[API_TOKEN]").doesNotContain("s3cr3t");
    }

    @Test
    void shouldNameAMissingScriptAndTheWorkspaceItWasLookedFor() throws Exception {
        // given an empty workspace
        TestStepContext context = context(new EnvVars());

        // when
        execution(context, step("kubernetes"), new FixedClusters("cluster-1", null))
                .start();

        // then
        assertThat(context.awaitCompletion(DEADLINE))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("script 'perf/locustfile.py'")
                .hasMessageContaining("relative to the workspace " + workspace.toRealPath());
    }

    @Test
    void shouldRefuseAnUnknownBackendOrClusterBeforeAnythingStarts() {
        LoadTestStep wrongBackend = step("docker");
        LoadTestStep wrongCluster = step("kubernetes");
        wrongCluster.setCluster("staging");

        assertThatThrownBy(() -> execution(context(new EnvVars()), wrongBackend, new FixedClusters("prod", null))
                        .start())
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("backend must be 'kubernetes' or 'local', got 'docker'");
        assertThatThrownBy(() -> execution(context(new EnvVars()), wrongCluster, new FixedClusters("prod", null))
                        .start())
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("cluster 'staging' is not configured");
    }

    @Test
    void shouldRefuseARunBeyondTheAdministratorsLimitsBeforeConnecting() throws Exception {
        // given limits that refuse the run, on a cluster that must not be contacted
        writeLocustfile();
        TestStepContext context = context(new EnvVars());
        Clusters limited = new Clusters() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public String name(String requested) {
                return "prod";
            }

            @Override
            public KubernetesConnection connect(String name, Run<?, ?> run) {
                throw new AssertionError("connected despite the limits");
            }

            @Override
            public void checkQuotas(io.jenkins.plugins.locust.spec.LoadTestSpec spec) throws AbortException {
                throw new AbortException("loadTest: users = '" + spec.users() + "': more than Max users (5)");
            }
        };

        // when
        execution(context, step("kubernetes"), limited).start();

        // then
        assertThat(context.awaitCompletion(DEADLINE))
                .isInstanceOf(AbortException.class)
                .hasMessage("loadTest: users = '10': more than Max users (5)");
    }

    @Test
    void shouldFailWithTheCauseWhenStoppedBeforeTheRunStarted() throws Exception {
        TestStepContext context = context(new EnvVars());
        LoadTestExecution execution = execution(context, step("local"), new FixedClusters("prod", null));
        AbortException cause = new AbortException("aborted by alice");

        execution.stop(cause);

        assertThat(context.awaitCompletion(DEADLINE)).isSameAs(cause);
    }

    @Test
    void shouldPersistNeitherEnvValuesNorConnections() throws IOException {
        // given an execution holding a secret env value and a cluster with a token
        LoadTestStep step = step("kubernetes");
        step.setEnv(List.of("API_TOKEN=s3cr3t-env"));
        LoadTestExecution execution = execution(
                context(new EnvVars()),
                step,
                new FixedClusters("prod", KubernetesConnection.token("https://127.0.0.1:6443", "s3cr3t-token")));

        // when
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(execution);
        }

        // then
        String serialized = bytes.toString(StandardCharsets.ISO_8859_1);
        assertThat(serialized)
                .doesNotContain("s3cr3t")
                .doesNotContain("API_TOKEN")
                .doesNotContain("6443");
        assertThat(serialized).contains("perf/locustfile.py");
    }

    @Test
    void shouldFailOnResumeOfALocalRunSayingItEndedWithTheController() throws Exception {
        // given a local run the controller saved (here one that had failed at once: the workspace is empty)
        TestStepContext context = context(new EnvVars());
        LoadTestExecution execution = execution(context, step("local"), new FixedClusters("prod", null));
        execution.start();
        context.awaitCompletion(DEADLINE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(execution);
        }

        // when the restarted controller resumes it with a new context
        TestStepContext resumed = context.afterRestart(new RecordingListener());
        LoadTestExecution read;
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            read = (LoadTestExecution) in.readObject();
        }
        read.onResume();

        // then
        assertThat(resumed.awaitCompletion(DEADLINE))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("local backend")
                .hasMessageContaining("Run the build again");
        assertThat(read.blocksRestart()).isFalse();
    }

    @Test
    void shouldTakeTheJobNameFromTheBuildsId() {
        assertThat(LoadTestExecution.jobName(new TestRun(builds.toFile(), 42))).isEqualTo("folder/shop-checkout");
    }

    private LoadTestStep step(String backend) {
        LoadTestStep step = new LoadTestStep("perf/locustfile.py");
        step.setBackend(backend);
        return step;
    }

    private TestStepContext context(EnvVars env) {
        return new TestStepContext(
                new TestRun(builds.toFile(), 7), new RecordingListener(), new FilePath(workspace.toFile()), env);
    }

    private static LoadTestExecution execution(TestStepContext context, LoadTestStep step, Clusters clusters) {
        return new LoadTestExecution(context, step.parameters(), step.getEnv(), clusters);
    }

    private void writeLocustfile() throws IOException {
        Files.createDirectories(workspace.resolve("perf"));
        Files.writeString(
                workspace.resolve("perf/locustfile.py"),
                "from locust import HttpUser, task\n\nclass Shopper(HttpUser):\n    @task\n    def index(self):\n"
                        + "        self.client.get('/')\n");
    }

    /** A cluster whose client library is missing from the class path: connecting throws an Error. */
    private static final class FailingClusters implements Clusters {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String name(String requested) {
            return "broken";
        }

        @Override
        public KubernetesConnection connect(String name, Run<?, ?> run) {
            throw new NoClassDefFoundError("io/fabric8/kubernetes/client/KubernetesClient");
        }
    }
}
