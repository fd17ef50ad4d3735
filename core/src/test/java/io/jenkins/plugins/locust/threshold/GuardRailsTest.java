package io.jenkins.plugins.locust.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.ExceptionEntry;
import io.jenkins.plugins.locust.result.FailureEntry;
import io.jenkins.plugins.locust.result.LoadRan;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultFixtures;
import io.jenkins.plugins.locust.result.RunInfo;
import io.jenkins.plugins.locust.result.StatsAggregation;
import io.jenkins.plugins.locust.result.Timings;
import io.jenkins.plugins.locust.result.WorkerInfo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guard rails on hand-made results shaped like the hostile runs of issue 7 (the ITs run them for real). */
class GuardRailsTest {
    private static final String HOST = "http://127.0.0.1:8080";
    private static final RunInfo PLAN = new RunInfo("run-1", "local", "2.47.0", HOST, 4, 2, 8, null, 0);
    private static final LoadRan AS_PLANNED = new LoadRan(4, 8.0, HOST, null, false, 4, 8.0, null, 400L);
    private static final List<WorkerInfo> STAYED =
            List.of(new WorkerInfo("w1", "gone", 2, 20.0, false), new WorkerInfo("w2", "gone", 2, null, false));

    private record Run(
            EndpointStats fast,
            List<FailureEntry> failures,
            List<ExceptionEntry> exceptions,
            List<WorkerInfo> workers,
            LoadRan load) {
        Run {
            failures = List.copyOf(failures);
            exceptions = List.copyOf(exceptions);
            workers = List.copyOf(workers);
        }

        static Run healthy() {
            return new Run(requests(400, 0), List.of(), List.of(), STAYED, AS_PLANNED);
        }

        Run with(EndpointStats endpoint) {
            return new Run(endpoint, failures, exceptions, workers, load);
        }

        Run withFailures(FailureEntry... entries) {
            return new Run(fast, List.of(entries), exceptions, workers, load);
        }

        Run withExceptions(ExceptionEntry... entries) {
            return new Run(fast, failures, List.of(entries), workers, load);
        }

        Run withWorkers(WorkerInfo... infos) {
            return new Run(fast, failures, exceptions, List.of(infos), load);
        }

        Run withLoad(LoadRan ran) {
            return new Run(fast, failures, exceptions, workers, ran);
        }

        LoadTestResult result() {
            List<EndpointStats> endpoints = fast.requests() == 0 ? List.of() : List.of(fast);
            return new LoadTestResult(
                    LoadTestResult.SCHEMA_VERSION,
                    PLAN,
                    StatsAggregation.combine("", EndpointStats.AGGREGATED, endpoints),
                    endpoints,
                    List.of(),
                    failures,
                    exceptions,
                    workers,
                    new Timings(null, null, null, null),
                    List.of(),
                    load);
        }
    }

    private static EndpointStats requests(int count, int failures) {
        double[] times = new double[count];
        java.util.Arrays.fill(times, 5);
        return ResultFixtures.endpoint("GET", "/fast", failures, 8, times);
    }

    private static ThresholdOutcome rail(Run run, String name, String... thresholds) {
        return judge(run, thresholds).guardRails().stream()
                .filter(o -> o.expression().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Verdict judge(Run run, String... thresholds) {
        return ThresholdEvaluator.judge(List.of(thresholds), run.result(), Optional.empty());
    }

    private static ExceptionEntry exception(long count, String message) {
        return new ExceptionEntry(
                count,
                message,
                "Traceback (most recent call last):\n  File \"/venv/lib/python3.11/site-packages/locust/user/task.py\","
                        + " line 513, in execute_task\n"
                        + "  File \"/tmp/lt/hostile_raising_task.py\", line 12, in fast_then_raise\n",
                List.of("w1"));
    }

    @Test
    void shouldPassAHealthyRunWithoutThresholdsAndSaySoForEveryGuardRail() {
        // when
        Verdict verdict = judge(Run.healthy());

        // then
        assertThat(verdict.status()).isEqualTo(VerdictStatus.PASSED);
        assertThat(verdict.guardRails())
                .extracting(ThresholdOutcome::expression)
                .containsExactly(
                        GuardRails.REQUESTS,
                        GuardRails.WORKERS,
                        GuardRails.LOAD,
                        GuardRails.FAILURES,
                        GuardRails.EXCEPTIONS);
        assertThat(verdict.guardRails()).allMatch(o -> o.status() == OutcomeStatus.PASSED);
        assertThat(rail(Run.healthy(), GuardRails.LOAD).message())
                .isEqualTo("4 users for 8 s as planned, against " + HOST + ".");
    }

    @Test
    void shouldFailARunOfAHostThatNeverAnswers() {
        // given: users ran, nothing completed, nothing raised
        Run silent = Run.healthy().with(requests(0, 0));

        // when
        Verdict verdict = judge(silent, "p95 < 1s");

        // then
        assertThat(verdict.status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(rail(silent, GuardRails.REQUESTS).message())
                .startsWith("no request was made: 4 users ran but no request completed: the host accepted");
    }

    @Test
    void shouldFailARunWhereEveryRequestFailedWhateverTheThresholds() {
        // given: a host refusing every connection
        Run refused = Run.healthy()
                .with(requests(290, 290))
                .withFailures(
                        new FailureEntry("GET", "/fast", "ConnectionRefusedError(111, 'Connection refused')", 200),
                        new FailureEntry("GET", "/slow", "ConnectionRefusedError(111, 'Connection refused')", 90));

        // when
        Verdict verdict = judge(refused, "fail_ratio <= 100%");

        // then
        assertThat(verdict.status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(verdict.outcomes()).singleElement().satisfies(o -> assertThat(o.status())
                .isEqualTo(OutcomeStatus.PASSED));
        assertThat(rail(refused, GuardRails.FAILURES).message())
                .isEqualTo("all 290 requests failed, mostly ConnectionRefusedError(111, 'Connection refused')"
                        + " (290 times): the target was never tested.");
    }

    @Test
    void shouldMarkFailedRequestsUnstableOnlyWhenNoThresholdJudgesThem() {
        // given
        Run someFailed = Run.healthy()
                .with(requests(400, 40))
                .withFailures(new FailureEntry("GET", "/fast", "HTTPError('500 Server Error')", 40));

        // then
        assertThat(judge(someFailed).status()).isEqualTo(VerdictStatus.UNSTABLE);
        assertThat(rail(someFailed, GuardRails.FAILURES).message())
                .startsWith("40 of 400 requests failed (10.00 %), mostly HTTPError('500 Server Error') (40 times).")
                .contains("'fail_ratio < 1%'");
        assertThat(judge(someFailed, "fail_ratio < 20%").status()).isEqualTo(VerdictStatus.PASSED);
        assertThat(rail(someFailed, GuardRails.FAILURES, "fail_ratio < 20%").message())
                .isEqualTo("10.00 % failed; judged by 'fail_ratio < 20%'.");
    }

    @Test
    void shouldFailWhenEveryWorkerExitedAndSayWhatEndedThem() {
        // given: sys.exit(3) in a task on both workers; the numbers before are kept
        String cause = "SystemExit(3) raised in task ExitingUser.fast_then_exit";
        Run exited = Run.healthy()
                .with(requests(120, 0))
                .withWorkers(
                        new WorkerInfo("w1", "missing", 2, 30.0, true, 4.4, 3, cause),
                        new WorkerInfo("w2", "missing", 2, 30.0, true, 3.6, 3, cause));

        // when
        ThresholdOutcome workers = rail(exited, GuardRails.WORKERS);

        // then
        assertThat(judge(exited).status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(workers.message())
                .isEqualTo("all 2 workers exited with code 3 at 0:04: " + cause + "; nothing was measured after that.");
        assertThat(workers.actual()).isEqualTo("2 of 2 lost");
    }

    @Test
    void shouldNameWorkersThatStoppedAnsweringAndMarkAPartialLossUnstable() {
        // given
        Run oneMissing = Run.healthy()
                .withWorkers(
                        new WorkerInfo("w1", "missing", 2, 99.0, true, 11.0, null, null),
                        new WorkerInfo("w2", "gone", 2, 40.0, false));

        // when
        ThresholdOutcome workers = rail(oneMissing, GuardRails.WORKERS);

        // then
        assertThat(workers.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(workers.severity()).isEqualTo(Severity.UNSTABLE);
        assertThat(workers.message())
                .startsWith("1 of 2 workers stopped answering the master (no heartbeat) at 0:11: the process ended")
                .endsWith("; the load was lower than planned from then on.");
        assertThat(judge(oneMissing).status()).isEqualTo(VerdictStatus.UNSTABLE);
    }

    @Test
    void shouldFailWhenLocustRanAnotherLoadThanPlanned() {
        // given: an abbreviated --locust-arg (--use=7, --hos=...) overrode the plan
        Run overridden =
                Run.healthy().withLoad(new LoadRan(7, 8.0, "http://127.0.0.1:9999", null, false, 7, 8.0, null, 9L));

        // when
        ThresholdOutcome load = rail(overridden, GuardRails.LOAD);

        // then
        assertThat(load.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(load.severity()).isEqualTo(Severity.FAILURE);
        assertThat(load.message())
                .contains("Locust ran with 7 users, the plan was 4")
                .contains("Locust sent the load to http://127.0.0.1:9999, the plan was " + HOST)
                .contains("up to 7 users ran, the plan was 4");
    }

    @Test
    void shouldFailAShapeThePlanDidNotAskForAndAcceptOneItDid() {
        // given
        Run unplanned = Run.healthy().withLoad(new LoadRan(4, 8.0, HOST, "StagesShape", false, 50, 83.0, null, 9L));
        Run planned = Run.healthy().withLoad(new LoadRan(4, 8.0, HOST, "StagesShape", true, 50, 83.0, null, 9L));

        // then
        assertThat(rail(unplanned, GuardRails.LOAD).message())
                .startsWith("the locustfile's LoadTestShape StagesShape drove the load instead of the plan;");
        assertThat(rail(planned, GuardRails.LOAD).status()).isEqualTo(OutcomeStatus.PASSED);
        assertThat(rail(planned, GuardRails.LOAD).message())
                .isEqualTo("the load came from the locustfile's LoadTestShape StagesShape as planned, against " + HOST
                        + ".");
    }

    @Test
    void shouldFailATestThatEndedEarlyUnlessAnAbortThresholdStoppedIt() {
        // given
        Run starved = Run.healthy().withLoad(new LoadRan(4, 8.0, HOST, null, false, 4, 4.0, "workers_missing", 9L));
        Run aborted = Run.healthy().withLoad(new LoadRan(4, 8.0, HOST, null, false, 4, 4.0, "abort", 9L));
        Run onTime = Run.healthy().withLoad(new LoadRan(4, 8.0, HOST, null, false, 4, 6.5, null, 9L));

        // then
        assertThat(rail(starved, GuardRails.LOAD).message())
                .startsWith("the test ran 4 s of the planned 8 s because every worker stopped answering the master");
        assertThat(rail(aborted, GuardRails.LOAD).status()).isEqualTo(OutcomeStatus.PASSED);
        assertThat(rail(onTime, GuardRails.LOAD).status()).isEqualTo(OutcomeStatus.PASSED);
    }

    @Test
    void shouldFailWhenAlmostEveryTaskIterationRaised() {
        // given: every iteration made a request, then raised
        Run raising = Run.healthy().withExceptions(exception(168, "ValueError(\"no 'id' field\")"));
        Run raisingOldResult = raising.withLoad(null);

        // when
        ThresholdOutcome exceptions = rail(
                raising.withLoad(new LoadRan(4, 8.0, HOST, null, false, 4, 8.0, null, 170L)), GuardRails.EXCEPTIONS);

        // then
        assertThat(exceptions.status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(exceptions.severity()).isEqualTo(Severity.FAILURE);
        assertThat(exceptions.message())
                .isEqualTo("168 exceptions in 170 task iterations: (almost) every iteration broke, so the flow under"
                        + " test was never exercised; mostly 'ValueError(\"no 'id' field\")' in fast_then_raise"
                        + " (hostile_raising_task.py:12) (168 times).");
        // without an iteration count (a result of an earlier version) requests were made: only unstable
        assertThat(rail(raisingOldResult, GuardRails.EXCEPTIONS).severity()).isEqualTo(Severity.UNSTABLE);
    }

    @Test
    void shouldMarkSomeExceptionsUnstableAndLetAnExceptionsThresholdDecide() {
        // given
        Run someRaised = Run.healthy().withExceptions(exception(3, "KeyError('token')"));

        // then
        assertThat(judge(someRaised).status()).isEqualTo(VerdictStatus.UNSTABLE);
        assertThat(rail(someRaised, GuardRails.EXCEPTIONS).message())
                .startsWith("3 exceptions raised in user code in 400 task iterations, mostly 'KeyError('token')'");
        assertThat(judge(someRaised, "exceptions < 10").status()).isEqualTo(VerdictStatus.PASSED);
        Verdict strict = judge(someRaised, "exceptions == 0");
        assertThat(strict.status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(strict.outcomes()).singleElement().satisfies(o -> assertThat(o.message())
                .isEqualTo("exceptions is 3, breaching == 0"));
        assertThat(judge(someRaised, "exceptions < 2 unstable").status()).isEqualTo(VerdictStatus.UNSTABLE);
    }

    @Test
    void shouldNameWhereUserCodeRaisedNotLocustsOwnFrames() {
        assertThat(
                        RailText.where(
                                "  File \"/app/shop/locustfile.py\", line 7, in checkout\n"
                                        + "  File \"/usr/lib/python3/dist-packages/locust/user/task.py\", line 502, in get_next_task\n"))
                .isEqualTo(" in checkout (locustfile.py:7)");
        assertThat(RailText.where(
                        "  File \"/venv/lib/python3.11/site-packages/locust/user/task.py\", line 502, in run"))
                .isEmpty();
    }

    @Test
    void shouldFailUsersWithoutTasksAndNameTheException() {
        // given: "No tasks defined" on every iteration, no request (also what a --tag matching no task gives)
        String noTasks = "No tasks defined on IdleUser. Use the @task decorator or set the 'tasks' attribute";
        Run idle = Run.healthy()
                .with(requests(0, 0))
                .withExceptions(exception(352, noTasks))
                .withLoad(new LoadRan(4, 8.0, HOST, null, false, 4, 8.0, null, 0L));

        // when
        Verdict verdict = judge(idle);

        // then
        assertThat(verdict.status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(rail(idle, GuardRails.REQUESTS).message())
                .startsWith("no request was made: user code raised 352 exceptions instead, mostly '" + noTasks);
        assertThat(rail(idle, GuardRails.EXCEPTIONS).message()).startsWith("352 exceptions in 0 task iterations:");
        assertThat(verdict.decisive())
                .hasValueSatisfying(o -> assertThat(o.expression()).isEqualTo(GuardRails.REQUESTS));
    }

    @Test
    void shouldSkipWhatAResultOfAnEarlierVersionCannotTell() {
        // given
        Run old = Run.healthy().withLoad(null).withWorkers();

        // then
        assertThat(rail(old, GuardRails.LOAD).status()).isEqualTo(OutcomeStatus.SKIPPED);
        assertThat(rail(old, GuardRails.WORKERS).status()).isEqualTo(OutcomeStatus.SKIPPED);
        assertThat(judge(old).status()).isEqualTo(VerdictStatus.PASSED);
    }

    @Test
    void shouldRefuseAnEndpointForTheRunWideExceptionsMetric() {
        assertThat(ThresholdParser.parse("exceptions == 0").metric().name()).isEqualTo("exceptions");
        assertThatThrownBy(() -> ThresholdParser.parse("GET /x: exceptions < 1"))
                .isInstanceOf(ThresholdSyntaxException.class)
                .hasMessageContaining("no endpoint before 'exceptions'");
    }
}
