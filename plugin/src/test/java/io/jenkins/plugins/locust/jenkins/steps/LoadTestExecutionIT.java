package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.locust.jenkins.actions.JsonResponse;
import io.jenkins.plugins.locust.jenkins.actions.LoadTestBuildAction;
import io.jenkins.plugins.locust.jenkins.actions.ReportNames;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.kubernetes.RunNames;
import io.jenkins.plugins.locust.kubernetes.testcluster.TestCluster;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.junit.jupiter.api.Test;

/**
 * The step's execution end to end through the (stubbed) Pipeline API: a plain test context supplies the build, its
 * log, the workspace and the build's environment, as workflow-cps does. Real Locust (the project venv) against a
 * target on 127.0.0.1; the Kubernetes runs go to core's test cluster (fabric8's API server over HTTP, every pod a
 * local Locust process).
 */
class LoadTestExecutionIT extends WorkspaceWithTarget {
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @Test
    void shouldRunLocallyOnTheWorkspacesNodeWithThePythonOfTheBuildsEnvironment() throws Exception {
        // given Python named by the build's environment (withEnv), not by the controller's
        TestStepContext context = context(python());
        LoadTestStep step = step("local", "10s", "requests > 1000000 unstable");

        // when
        LoadTestExecution execution = execution(context, step, null);
        boolean synchronous = execution.start();

        // then the verdict (no 10 s run makes a million requests) turns the build UNSTABLE and the step goes on
        assertThat(synchronous).isFalse();
        assertThat(context.awaitCompletion(DEADLINE))
                .as(context.listener.text())
                .isNull();
        assertThat(context.result).isEqualTo(Result.UNSTABLE);
        assertThat(target.totalRequests()).isPositive();
        assertThat(context.listener.text())
                .contains("loadTest: run folder-shop-checkout-7-", " on local: script=perf/")
                .contains("All 2 workers connected")
                .contains("Load test UNSTABLE");
        assertThat(runFolder(context).resolve("result.json")).isRegularFile();
        assertThat(runFolder(context).resolve("report.html")).isRegularFile();
        assertThat(execution.getStatus()).isEqualTo("finished: UNSTABLE");
    }

    @Test
    void shouldShowTheRunLiveOnTheBuildPageThenItsReportAndReturnItsNumbers() throws Exception {
        // given a named test whose verdict is UNSTABLE (no 10 s run makes a million requests)
        TestStepContext context = context(python());
        LoadTestStep step = step("local", "10s", "requests > 1000000 unstable");
        step.setName("Checkout flow");

        // when
        execution(context, step, null).start();

        // then the build has the test's action while it runs, and its live data fills with the reporter's snapshots
        await(() -> !context.run.getActions(LoadTestBuildAction.class).isEmpty(), context);
        LoadTestBuildAction action =
                context.run.getActions(LoadTestBuildAction.class).get(0);
        assertThat(action.getUrlName()).isEqualTo("locust-checkout-flow");
        await(
                () -> live(action).contains("\"phase\":\"running\"")
                        && live(action).contains("\"rps\""),
                context);
        assertThat(action.isRunning()).isTrue();
        assertThat(context.completion).isNotDone();

        // and once it ends: the report, the map the step returns, and the stage marked UNSTABLE
        assertThat(context.awaitCompletion(DEADLINE))
                .as(context.listener.text())
                .isNull();
        assertThat(action.isRunning()).isFalse();
        assertThat(live(action)).contains("\"finished\":true");
        assertThat(((JsonResponse) action.doPage()).status()).isEqualTo(200);
        RunSummary summary = action.getSummary().orElseThrow();
        assertThat(summary.requests()).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> returned = (Map<String, Object>) context.completion.get();
        assertThat(returned)
                .containsEntry("verdict", "UNSTABLE")
                .containsEntry("requests", summary.requests())
                .containsEntry("p95", summary.p95Ms())
                .containsEntry("reportUrl", "job/folder/job/shop-checkout/7/locust-checkout-flow/");
        assertThat((List<?>) returned.get("thresholds"))
                .singleElement()
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("expression", "requests > 1000000 unstable")
                .containsEntry("status", "FAILED");
        assertThat(context.result).isEqualTo(Result.UNSTABLE);
        assertThat(context.node.actions)
                .singleElement()
                .isInstanceOfSatisfying(WarningAction.class, warning -> assertThat(warning.getMessage())
                        .startsWith("loadTest UNSTABLE: ")
                        .contains("requests > 1000000 unstable (actual "));
    }

    @Test
    void shouldJudgeAgainstTheBaselineBuildAndFailNamingTheBreachedThreshold() throws Exception {
        // given build 6 ran the test, and build 7 asks for a hundred times its requests
        TestRun previous =
                new TestRun(Files.createDirectories(builds.resolve("6")).toFile(), 6);
        TestStepContext first =
                new TestStepContext(previous, new RecordingListener(), new FilePath(workspace.toFile()), python());
        execution(first, step("local", "5s", "requests > 0"), null).start();
        assertThat(first.awaitCompletion(DEADLINE)).as(first.listener.text()).isNull();
        TestRun current =
                new TestRun(Files.createDirectories(builds.resolve("7")).toFile(), 7).after(previous, Result.SUCCESS);
        TestStepContext second =
                new TestStepContext(current, new RecordingListener(), new FilePath(workspace.toFile()), python());

        // when
        execution(second, step("local", "5s", "requests > baseline * 100"), null)
                .start();

        // then the relative threshold used build 6's requests, the step fails naming it, and the report has the deltas
        assertThat(second.awaitCompletion(DEADLINE))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("loadTest FAILED: requests > baseline * 100 (actual ")
                .hasMessageEndingWith("(report: job/folder/job/shop-checkout/7/locust-" + TARGET_NAME + "/)");
        long baseRequests = previous.getActions(LoadTestBuildAction.class)
                .get(0)
                .getSummary()
                .orElseThrow()
                .requests();
        LoadTestBuildAction action =
                current.getActions(LoadTestBuildAction.class).get(0);
        String page = ((JsonResponse) action.doPage()).body();
        assertThat(baseRequests).isPositive();
        assertThat(page).contains("\"baseBuild\":6", "\"currentBuild\":7");
        assertThat(action.getSummary().orElseThrow().verdict()).isEqualTo("FAILED");
    }

    @Test
    void shouldSayOnTheBuildPageWhyARunHasNoResult() throws Exception {
        // given a build whose Python does not exist
        TestStepContext context = context(new EnvVars(Map.of("LOADTEST_PYTHON", "/nonexistent/python")));

        // when
        execution(context, step("local", "5s", "requests > 0"), null).start();

        // then the step fails and the build's action, attached at the start, says why
        assertThat(context.awaitCompletion(DEADLINE)).isInstanceOf(AbortException.class);
        assertThat(context.run.getActions(LoadTestBuildAction.class))
                .singleElement()
                .satisfies(action -> {
                    assertThat(action.isRunning()).isFalse();
                    assertThat(action.getProblem()).contains("/nonexistent/python");
                });
    }

    @Test
    void shouldStopALocalRunOnAbortAndLeaveNoProcess() throws Exception {
        // given a long run whose workers are connected
        TestStepContext context = context(python());
        LoadTestExecution execution = execution(context, step("local", "5m", "p95 < 10s"), null);
        execution.start();
        await(() -> context.listener.text().contains("All 2 workers connected"), context);
        assertThat(execution.blocksRestart()).isTrue();

        // when
        AbortException cause = new AbortException("Aborted by alice");
        execution.stop(cause);

        // then the step fails with the cause, and no Locust process is left
        assertThat(context.awaitCompletion(DEADLINE)).isSameAs(cause);
        await(() -> locustProcesses() == 0, context);
        assertThat(execution.blocksRestart()).isFalse();
    }

    @Test
    void shouldRunOnKubernetesFromTheControllerWithTheVerdictAndLeaveNothingBehind() throws Exception {
        try (TestCluster cluster = TestCluster.start()) {
            // given
            TestStepContext context = context(new EnvVars());
            LoadTestStep step = step("kubernetes", "5s", "fail_ratio < 50%");
            step.setSlaves(3);
            step.setUsers(6);
            step.setSpawnRate(6.0);

            // when
            LoadTestExecution execution = execution(context, step, cluster);
            execution.start();

            // then
            assertThat(context.awaitCompletion(DEADLINE))
                    .as(context.listener.text())
                    .isNull();
            assertThat(context.result).isNull();
            String runId = runFolder(context).getFileName().toString();
            assertThat(context.listener.text())
                    .contains("on kubernetes (cluster test)")
                    .contains("All 3 workers connected");
            assertThat(runFolder(context).resolve("result.json")).isRegularFile();
            assertThat(runFolder(context).resolve("workspace/perf/" + TestLocustfiles.TARGET_USERS))
                    .as("the script, copied from the workspace")
                    .isRegularFile();
            assertThat(cluster.awaitNoObjectsLabelled(RunNames.RUN_ID_LABEL, runId, Duration.ofSeconds(30)))
                    .isTrue();
            assertThat(cluster.awaitNoProcesses(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void shouldDeleteEverythingOnAbortOfAKubernetesRun() throws Exception {
        try (TestCluster cluster = TestCluster.start()) {
            // given a long run whose workers are connected
            TestStepContext context = context(new EnvVars());
            LoadTestExecution execution = execution(context, step("kubernetes", "5m", "p95 < 10s"), cluster);
            execution.start();
            await(() -> context.listener.text().contains("All 2 workers connected"), context);
            String runId = runFolder(context).getFileName().toString();
            assertThat(cluster.objectsLabelled(RunNames.RUN_ID_LABEL, runId)).isNotEmpty();

            // when
            AbortException cause = new AbortException("Aborted by alice");
            execution.stop(cause);

            // then
            assertThat(context.awaitCompletion(DEADLINE)).isSameAs(cause);
            await(() -> cluster.objectsLabelled(RunNames.RUN_ID_LABEL, runId).isEmpty(), context);
            assertThat(cluster.awaitNoProcesses(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void shouldGiveParallelCallsInOneBuildSeparateRunsAndOutputs() throws Exception {
        try (TestCluster cluster = TestCluster.start()) {
            // given two branches of one build
            TestRun run = new TestRun(builds.toFile(), 7);
            TestStepContext left =
                    new TestStepContext(run, new RecordingListener(), new FilePath(workspace.toFile()), new EnvVars());
            TestStepContext right =
                    new TestStepContext(run, new RecordingListener(), new FilePath(workspace.toFile()), new EnvVars());

            // when both run at once
            execution(left, step("kubernetes", "5s", "fail_ratio < 50%"), cluster)
                    .start();
            execution(right, step("kubernetes", "5s", "fail_ratio < 50%"), cluster)
                    .start();

            // then each has its own run, folder and log
            assertThat(left.awaitCompletion(DEADLINE)).as(left.listener.text()).isNull();
            assertThat(right.awaitCompletion(DEADLINE))
                    .as(right.listener.text())
                    .isNull();
            Path leftFolder = runFolder(left);
            Path rightFolder = runFolder(right);
            assertThat(leftFolder).isNotEqualTo(rightFolder);
            assertThat(leftFolder.resolve("result.json")).isRegularFile();
            assertThat(rightFolder.resolve("result.json")).isRegularFile();
            assertThat(left.listener.text())
                    .contains("run " + leftFolder.getFileName())
                    .doesNotContain(rightFolder.getFileName().toString());
            assertThat(right.listener.text())
                    .doesNotContain(leftFolder.getFileName().toString());
        }
    }

    @Test
    void shouldCarryOnAKubernetesRunAfterAControllerRestartWithTheSameVerdict() throws Exception {
        try (TestCluster cluster = TestCluster.start();
                CuttableProxy controllerLink = new CuttableProxy(cluster.url())) {
            // given a run whose workers are connected, started by a controller that reaches the cluster through a link
            TestStepContext context = context(new EnvVars());
            LoadTestStep step = step("kubernetes", "20s", "requests > 1000000 unstable");
            LoadTestExecution execution = new LoadTestExecution(
                    context, step.parameters(), step.getEnv(), clusters(cluster, controllerLink.url()));
            execution.start();
            await(() -> context.listener.text().contains("All 2 workers connected") && context.saves > 0, context);
            String runId = runFolder(context).getFileName().toString();

            // when the controller saves the program and dies (its link to the cluster goes with it) ...
            byte[] programDat = serialize(execution);
            controllerLink.cut();
            assertThat(cluster.objectsLabelled(RunNames.RUN_ID_LABEL, runId))
                    .as("the pods run on")
                    .isNotEmpty();
            // ... and the restarted controller reads the program back and resumes the step with a new context
            TestStepContext resumed = context.afterRestart(new RecordingListener());
            LoadTestExecution read = (LoadTestExecution) deserialize(programDat);
            read.useClusters(clusters(cluster, cluster.url()));
            read.onResume();

            // then the run ends with the verdict an uninterrupted run has, and nothing is left
            assertThat(resumed.awaitCompletion(DEADLINE))
                    .as(resumed.listener.text())
                    .isNull();
            assertThat(resumed.result).isEqualTo(Result.UNSTABLE);
            assertThat(resumed.listener.text())
                    .contains("Resuming run " + runId)
                    .contains("Load test UNSTABLE");
            assertThat(runFolder(context).resolve("result.json")).isRegularFile();
            assertThat(read.getStatus()).isEqualTo("finished: UNSTABLE");
            await(() -> cluster.objectsLabelled(RunNames.RUN_ID_LABEL, runId).isEmpty(), resumed);
        }
    }

    @Test
    void shouldFailClearlyAndSweepWhenThePodsAreGoneAfterARestart() throws Exception {
        try (TestCluster cluster = TestCluster.start();
                CuttableProxy controllerLink = new CuttableProxy(cluster.url())) {
            // given a running run, and a controller that dies
            TestStepContext context = context(new EnvVars());
            LoadTestStep step = step("kubernetes", "5m", "p95 < 10s");
            LoadTestExecution execution = new LoadTestExecution(
                    context, step.parameters(), step.getEnv(), clusters(cluster, controllerLink.url()));
            execution.start();
            await(() -> context.listener.text().contains("All 2 workers connected") && context.saves > 0, context);
            String runId = runFolder(context).getFileName().toString();
            byte[] programDat = serialize(execution);
            controllerLink.cut();

            // when the run's Jobs are deleted while Jenkins is down, and the build resumes
            cluster.client()
                    .batch()
                    .v1()
                    .jobs()
                    .inNamespace(cluster.namespace())
                    .withLabel(RunNames.RUN_ID_LABEL, runId)
                    .delete();
            cluster.client()
                    .pods()
                    .inNamespace(cluster.namespace())
                    .withLabel(RunNames.RUN_ID_LABEL, runId)
                    .delete();
            await(
                    () -> cluster.pods("master").isEmpty()
                            && cluster.pods("worker").isEmpty(),
                    context);
            TestStepContext resumed = context.afterRestart(new RecordingListener());
            LoadTestExecution read = (LoadTestExecution) deserialize(programDat);
            read.useClusters(clusters(cluster, cluster.url()));
            read.onResume();

            // then the step fails saying so, and whatever was left of the run is removed
            assertThat(resumed.awaitCompletion(DEADLINE))
                    .isInstanceOf(AbortException.class)
                    .hasMessageContaining(runId);
            await(() -> cluster.objectsLabelled(RunNames.RUN_ID_LABEL, runId).isEmpty(), resumed);
        }
    }

    private static final String TARGET_NAME =
            ReportNames.defaultName(TestLocustfiles.TARGET_USERS).replace('_', '-');

    private static String live(LoadTestBuildAction action) {
        return ((JsonResponse) action.doLive()).body();
    }

    /** A cluster configured by URL, token and CA, as the global configuration holds it; {@code url} may be a relay. */
    private static Clusters clusters(TestCluster cluster, String url) {
        return new FixedClusters(
                "test",
                KubernetesConnection.token(url, cluster.token(), cluster.caPem())
                        .withNamespace(cluster.namespace()));
    }

    private static byte[] serialize(Object value) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws Exception {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private LoadTestStep step(String backend, String runTime, String threshold) {
        LoadTestStep step = new LoadTestStep("perf/" + TestLocustfiles.TARGET_USERS);
        step.setBackend(backend);
        step.setUsers(2);
        step.setSlaves(2);
        step.setRunTime(runTime);
        step.setStartTimeout("90s");
        step.setStopTimeout("2s");
        step.setHost(target.url());
        step.setThresholds(List.of(threshold));
        return step;
    }

    private TestStepContext context(EnvVars env) {
        return new TestStepContext(
                new TestRun(builds.toFile(), 7), new RecordingListener(), new FilePath(workspace.toFile()), env);
    }

    private static LoadTestExecution execution(TestStepContext context, LoadTestStep step, TestCluster cluster) {
        Clusters clusters = cluster == null ? new FixedClusters("test", null) : clusters(cluster, cluster.url());
        return new LoadTestExecution(context, step.parameters(), step.getEnv(), clusters);
    }

    /** As a node property or withEnv would set it: the project's venv. */
    static EnvVars python() {
        String venv = System.getProperty("locust.venv", ".venv");
        return new EnvVars(
                Map.of("LOADTEST_PYTHON", Path.of(venv, "bin", "python").toString()));
    }

    /** {@code <build>/locust/<run id>}: the only run folder of the build's contexts so far. */
    private Path runFolder(TestStepContext context) throws IOException {
        String log = context.listener.text();
        int at = log.indexOf("loadTest: run ");
        assertThat(at).as("run line in the log:\n%s", log).isNotNegative();
        String runId = log.substring(at + "loadTest: run ".length()).split(" ")[0];
        return builds.resolve("locust").resolve(runId);
    }

    /**
     * Locust processes this JVM started (the local backend's master and workers are its children, started as
     * {@code python -m locust}; the test control plane's processes are children too, so the command line decides).
     */
    static long locustProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains("\0-m\0locust\0"))
                .count();
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return new String(
                    Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, TestStepContext context) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DEADLINE + "; log:\n" + context.listener.text());
            }
            Thread.sleep(200);
        }
    }
}
