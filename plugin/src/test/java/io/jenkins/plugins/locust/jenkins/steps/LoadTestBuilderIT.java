package io.jenkins.plugins.locust.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.locust.jenkins.actions.LoadTestBuildAction;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The freestyle build step with real Locust on the local backend against a target on 127.0.0.1. */
class LoadTestBuilderIT extends WorkspaceWithTarget {
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private LoadTestBuilder builder(String runTime, String threshold) {
        LoadTestStep test = new LoadTestStep("perf/" + TestLocustfiles.TARGET_USERS);
        test.setBackend("local");
        test.setUsers(2);
        test.setSlaves(2);
        test.setRunTime(runTime);
        test.setStopTimeout("2s");
        test.setHost(target.url());
        test.setThresholds(List.of(threshold));
        LoadTestBuilder builder = new LoadTestBuilder(test);
        builder.useClusters(new FixedClusters("test", null));
        return builder;
    }

    @Test
    void shouldRunTheTestInTheBuildPublishItsReportAndMarkTheBuildUnstable() throws Exception {
        // given a freestyle build and a test whose verdict is UNSTABLE
        TestRun run = new TestRun(builds.toFile(), 3);
        RecordingListener log = new RecordingListener();

        // when the build step runs
        builder("5s", "requests > 1000000 unstable")
                .perform(run, new FilePath(workspace.toFile()), LoadTestExecutionIT.python(), null, log);

        // then it ran real load, the build has the report, and its result was set (to UNSTABLE)
        assertThat(target.totalRequests()).isPositive();
        assertThat(log.text()).contains("All 2 workers connected", "Load test UNSTABLE");
        LoadTestBuildAction action = run.getActions(LoadTestBuildAction.class).get(0);
        assertThat(action.isRunning()).isFalse();
        assertThat(action.getSummary().orElseThrow().verdict()).isEqualTo("UNSTABLE");
        assertThat(action.getFolder().resolve("report.html")).isRegularFile();
        assertThat(run.resultsSet).hasSize(1);
    }

    @Test
    void shouldFailTheBuildNamingTheBreachedThreshold() throws Exception {
        // given
        TestRun run = new TestRun(builds.toFile(), 4);

        // when / then
        assertThatThrownBy(() -> builder("5s", "requests > 1000000")
                        .perform(
                                run,
                                new FilePath(workspace.toFile()),
                                LoadTestExecutionIT.python(),
                                null,
                                new RecordingListener()))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("loadTest FAILED: ")
                .hasMessageContaining("requests > 1000000 (actual ");
        assertThat(run.getActions(LoadTestBuildAction.class)
                        .get(0)
                        .getSummary()
                        .orElseThrow()
                        .verdict())
                .isEqualTo("FAILED");
    }

    @Test
    void shouldStopTheTestAndLeaveNoProcessWhenTheBuildIsAborted() throws Exception {
        // given a long test running in a build's executor thread
        TestRun run = new TestRun(builds.toFile(), 5);
        RecordingListener log = new RecordingListener();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread executor = new Thread(() -> {
            try {
                builder("5m", "p95 < 10s")
                        .perform(run, new FilePath(workspace.toFile()), LoadTestExecutionIT.python(), null, log);
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        executor.start();
        awaitUntil(() -> log.text().contains("All 2 workers connected"), log);

        // when the build is aborted (Jenkins interrupts the executor)
        executor.interrupt();

        // then the step ends as aborted, after the test removed its processes
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(LoadTestExecutionIT.locustProcesses()).isZero();
        assertThat(run.getActions(LoadTestBuildAction.class).get(0).getProblem())
                .contains("aborted");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, RecordingListener log)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DEADLINE + "; log:\n" + log.text());
            }
            Thread.sleep(200);
        }
    }
}
