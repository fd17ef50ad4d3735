package io.jenkins.plugins.locust.local;

import static io.jenkins.plugins.locust.local.LocalRunFixture.assertNoLocustProcessLeft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.testing.HostileLocustfiles;
import io.jenkins.plugins.locust.testing.SilentHost;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile runs of issue 7 with real Locust on loopback: each one PASSED before the guard rails, each one must
 * now fail (or warn) and say why. At most 4 users and a few seconds each.
 */
class GuardRailsIT {
    private static LocustInstallation venv;

    @TempDir
    Path dir;

    private TestTarget target;
    private LocalRunFixture fixture;

    @BeforeAll
    static void findLocust() throws InterruptedException {
        venv = LocustInstallation.forTests();
        assertThat(venv.available()).as(venv.problem()).isTrue();
    }

    @BeforeEach
    void startTarget() throws Exception {
        target = TestTarget.start();
        fixture = new LocalRunFixture(venv);
    }

    @AfterEach
    void stopEverything() throws Exception {
        fixture.close();
        target.close();
        assertNoLocustProcessLeft();
    }

    private LoadTestSpecBuilder spec(String locustfile, String runTime, String host) throws Exception {
        return LoadTestSpec.builder()
                .script(TestLocustfiles.write(dir, locustfile).toString())
                .users(4)
                .spawnRate(4.0)
                .slaves(2)
                .runTime(runTime)
                .startTimeout("60s")
                .stopTimeout("1s")
                .host(host);
    }

    private static ThresholdOutcome rail(RunOutcome outcome, String name) {
        return outcome.verdict().guardRails().stream()
                .filter(o -> o.expression().equals("guard rail: " + name))
                .findFirst()
                .orElseThrow();
    }

    private static void assertFailedBy(RunOutcome outcome, String rail, String message) {
        assertThat(outcome.verdict().status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(rail(outcome, rail)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(OutcomeStatus.FAILED);
            assertThat(o.severity()).isEqualTo(Severity.FAILURE);
            assertThat(o.message()).contains(message);
        });
    }

    @Test
    void shouldFailWhenTheHostRefusesEveryConnection() throws Exception {
        // when
        RunOutcome outcome = fixture.run(
                spec(TestLocustfiles.TARGET_USERS, "4s", TestTarget.closedPortUrl())
                        .build(),
                dir.resolve("out"));

        // then
        assertThat(outcome.result().aggregated().failures())
                .isEqualTo(outcome.result().aggregated().requests())
                .isPositive();
        assertFailedBy(outcome, "failed requests", "ConnectionRefusedError");
        assertThat(rail(outcome, "failed requests").message())
                .startsWith("all ")
                .contains(" requests failed, mostly ");
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("out/result.json").toFile());
        assertThat(json.path("verdict").path("status").asText()).isEqualTo("FAILED");
        assertThat(json.path("verdict").path("guardRails").size()).isEqualTo(5);
        assertThat(dir.resolve("out/junit.xml"))
                .content()
                .contains("classname=\"loadtest.guardrails\" name=\"guard rail: failed requests\"");
    }

    @Test
    void shouldFailWhenTheHostAcceptsAndNeverAnswers() throws Exception {
        try (SilentHost silent = SilentHost.start()) {
            // when
            RunOutcome outcome = fixture.run(
                    spec(TestLocustfiles.TARGET_USERS, "4s", silent.url()).build(), dir);

            // then
            assertThat(silent.connections()).isPositive();
            assertThat(outcome.result().aggregated().requests()).isZero();
            assertFailedBy(outcome, "requests were made", "users ran but no request completed");
        }
    }

    @Test
    void shouldFailWhenEveryWorkerCallsSysExitKeepItsRequestsAndEndAtOnce() throws Exception {
        // given: a run time far beyond the workers' life
        long started = System.nanoTime();

        // when
        RunOutcome outcome = fixture.run(
                spec(HostileLocustfiles.SYS_EXIT, "60s", target.url()).build(), dir);

        // then
        assertFailedBy(outcome, "workers stayed to the end", "all 2 workers exited with code 3 at 0:0");
        assertThat(rail(outcome, "workers stayed to the end").message())
                .contains(": SystemExit(3) raised in task ExitingUser.fast_then_exit");
        // the requests made before the exit are counted (the worker sends them before it goes)
        long counted = outcome.result().aggregated().requests();
        assertThat(counted).isPositive().isBetween(target.totalRequests() - 4, target.totalRequests());
        // the run ends when the last worker is gone, not when the 60 s are over
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
    }

    @Test
    void shouldFailWhenEveryWorkerDiesSilentlyAndNotWaitForTheRunTime() throws Exception {
        // given
        long started = System.nanoTime();

        // when: os._exit(3) leaves no word; the master only sees the heartbeats stop
        RunOutcome outcome = fixture.run(
                spec(HostileLocustfiles.OS_EXIT, "60s", target.url()).build(), dir);

        // then
        assertFailedBy(outcome, "workers stayed to the end", "stopped answering the master (no heartbeat)");
        assertThat(outcome.result().aggregated().requests())
                .as("the first stats report")
                .isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
    }

    @Test
    void shouldFailWhenOnStartBlocksTheWorkersAndNotWaitTwentySeconds() throws Exception {
        // given
        long started = System.nanoTime();

        // when
        RunOutcome outcome = fixture.run(
                spec(HostileLocustfiles.SPIN_ON_START, "4s", target.url()).build(), dir);

        // then
        assertFailedBy(outcome, "requests were made", "no request was made");
        assertFailedBy(outcome, "workers stayed to the end", "stopped answering the master");
        // gate + 4 s + the 8 heartbeats a worker may miss; not another stop timeout + 10 s for dead workers
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void shouldFailWhenEveryTaskIterationRaises() throws Exception {
        // when
        RunOutcome outcome = fixture.run(
                spec(HostileLocustfiles.RAISING_TASK, "4s", target.url()).build(), dir);

        // then
        assertThat(outcome.result().aggregated().requests()).isPositive();
        assertThat(outcome.result().load().tasks()).isPositive();
        assertFailedBy(outcome, "exceptions in user code", "every iteration broke");
        assertThat(rail(outcome, "exceptions in user code").message())
                .contains("the response had no 'id' field")
                .contains("in fast_then_raise (hostile_raising_task.py:12)");
    }

    @Test
    void shouldFailWhenTheTagMatchesNoTask() throws Exception {
        // when
        RunOutcome outcome = fixture.run(
                spec(HostileLocustfiles.TAGGED, "4s", target.url())
                        .tag("browse")
                        .build(),
                dir);

        // then
        assertThat(target.totalRequests()).isZero();
        assertFailedBy(outcome, "requests were made", "No tasks defined on TaggedUser");
        assertFailedBy(outcome, "exceptions in user code", "every iteration broke");
    }

    @Test
    void shouldFailUsersWithoutTasks() throws Exception {
        // when
        RunOutcome outcome = fixture.run(
                spec(HostileLocustfiles.NO_TASKS, "4s", target.url()).build(), dir);

        // then
        assertFailedBy(outcome, "requests were made", "No tasks defined on IdleUser");
        assertThat(outcome.result().load().tasks()).isZero();
    }

    @Test
    void shouldPassAHealthyRunAndMeasureItsWorkersCpuAndHotWorkersOnAShortRun() throws Exception {
        // when
        RunOutcome healthy =
                fixture.run(spec(HostileLocustfiles.TAGGED, "4s", target.url()).build(), dir);
        RunOutcome hot = fixture.run(
                spec(HostileLocustfiles.CPU_BURNING, "5s", target.url())
                        .users(2)
                        .slaves(1)
                        .build(),
                dir.resolve("hot"));

        // then
        assertThat(healthy.verdict().status()).isEqualTo(VerdictStatus.PASSED);
        assertThat(healthy.verdict().guardRails()).hasSize(5).allMatch(o -> o.status() == OutcomeStatus.PASSED);
        assertThat(healthy.result().workers())
                .allSatisfy(w -> assertThat(w.maxCpuPercent()).isNotNull());
        assertThat(fixture.console)
                .anyMatch(line -> line.contains(
                        "Thresholds: none given; the guard rails' defaults judged the run (docs/thresholds.md)."));
        assertThat(hot.result().warnings()).anySatisfy(w -> assertThat(w).contains("% CPU"));
    }
}
