package io.jenkins.plugins.locust.local;

import static io.jenkins.plugins.locust.local.LocalRunFixture.assertNoLocustProcessLeft;
import static io.jenkins.plugins.locust.local.LocalRunFixture.locustProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole run with real Locust processes on loopback against a {@link TestTarget} that counts requests. */
class LocalBackendIT {
    private static final int USERS = 6;
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
    }

    private LoadTestSpec spec(String locustfile, String runTime, String host, String... thresholds) throws Exception {
        return LoadTestSpec.builder()
                .thresholds(List.of(thresholds))
                .script(TestLocustfiles.write(dir, locustfile).toString())
                .users(USERS)
                .spawnRate(USERS * 1.0)
                .slaves(2)
                .runTime(runTime)
                .startTimeout("60s")
                .stopTimeout("1s")
                .host(host)
                .build();
    }

    @Test
    void shouldCountEveryRequestTheTargetServed() throws Exception {
        // given
        LoadTestSpec spec = spec(TestLocustfiles.TARGET_USERS, "8s", target.url());

        // when
        RunOutcome outcome = fixture.run(spec, dir.resolve("out"));

        // then
        assertMatchesTarget(outcome.result());
        assertThat(outcome.result().run().locustVersion()).isEqualTo("2.47.0");
        assertThat(Files.list(dir.resolve("out")).map(p -> p.getFileName().toString()))
                .contains("locust_stats.csv", "locust_failures.csv", "result.json", "report.html", "junit.xml");
        assertThat(ResultJson.read(dir.resolve("out/result.json"))).isEqualTo(outcome.result());
        // Locust's own CSV (written by the master at exit) agrees with what the reporter sent
        String[] aggregated = Files.readAllLines(dir.resolve("out/locust_stats.csv")).stream()
                .filter(line -> line.startsWith(",Aggregated,"))
                .findFirst()
                .orElseThrow()
                .split(",");
        EndpointStats total = outcome.result().aggregated();
        assertThat(Long.parseLong(aggregated[2])).isEqualTo(total.requests());
        assertThat(Long.parseLong(aggregated[3])).isEqualTo(total.failures());
        assertThat(Long.parseLong(aggregated[16]))
                .as("p95")
                .isEqualTo(total.percentiles().p95());
        // no threshold, and /flaky fails: the failed-requests guard rail marks the run unstable by default
        assertThat(fixture.console).anyMatch(line -> line.startsWith("Load test UNSTABLE"));
        assertThat(fixture.console)
                .anyMatch(line -> line.startsWith("[loadtest] All 2 workers connected"))
                .anyMatch(line -> line.startsWith("[worker-2] "))
                .noneMatch(line -> line.contains("##loadtest:"));
        assertNoLocustProcessLeft();
    }

    @Test
    void shouldRunDebiansLocust2121() throws Exception {
        // given
        LocustInstallation debian = LocustInstallation.probe(Path.of("/usr/bin/python3"));
        assumeTrue(
                debian.available(),
                "Debian's python3-locust is not installed (/usr/bin/python3 -m locust): " + debian.problem());
        fixture = new LocalRunFixture(debian);
        LoadTestSpec spec = spec(TestLocustfiles.TARGET_USERS, "8s", target.url());

        // when
        RunOutcome outcome = fixture.run(spec, dir.resolve("out"));

        // then the version fix let the workers in, and the numbers are as right as on 2.47
        assertMatchesTarget(outcome.result());
        assertThat(outcome.result().run().locustVersion()).isEqualTo("2.12.1");
        assertNoLocustProcessLeft();
    }

    @Test
    void shouldKeepTheLastNumbersOfWorkersThatAnswerLateAtTheEnd() throws Exception {
        // given
        Future<RunOutcome> run = fixture.start(spec(TestLocustfiles.TARGET_USERS, "8s", target.url()), dir);
        fixture.awaitConsole("All 2 workers connected", Duration.ofSeconds(60));
        Instant freezeAt = Instant.now().plusMillis(6_500);
        LocalRunFixture.await("the last seconds of the run", Duration.ofSeconds(10), () -> Instant.now()
                .isAfter(freezeAt));

        // when: the workers are starved while the master quits (Locust alone waits 0.5 s for their last stats)
        LocalRunFixture.signalWorkers("STOP");
        fixture.awaitConsole("--run-time limit reached", Duration.ofSeconds(20));
        Thread.sleep(2_000); // the stimulus: the workers answer the quit 2 s late
        LocalRunFixture.signalWorkers("CONT");
        RunOutcome outcome = run.get();

        // then
        assertMatchesTarget(outcome.result());
        assertNoLocustProcessLeft();
    }

    private void assertMatchesTarget(LoadTestResult result) {
        EndpointStats total = result.aggregated();
        // Requests in flight when the users were stopped reached the target but were never recorded.
        assertThat(target.totalRequests() - total.requests()).isBetween(0L, (long) USERS);
        assertThat(target.failures("/flaky") - total.failures()).isBetween(0L, (long) USERS);
        assertThat(total.requests()).isGreaterThan(100);
        assertThat(total.failures()).isPositive();
        EndpointStats slow = result.endpoint("GET /slow").orElseThrow();
        // The delay plus loopback overhead, in the exact 1-ms buckets below 100 ms. The tail is looser: the 2 cores are
        // shared with the build (and other builds), which stretches a few responses.
        long delay = TestTarget.SLOW_DELAY.toMillis();
        assertThat(slow.percentiles().p50()).isBetween(delay, 99L);
        assertThat(slow.percentiles().p95()).isBetween(delay, 299L);
        assertThat(slow.histogram().total()).isEqualTo(slow.requests());
        assertThat(result.workers()).hasSize(2);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.timeline()).isNotEmpty();
    }

    @Test
    void shouldFinishWhenAWorkerIsKilledAndNameIt() throws Exception {
        // given
        Future<RunOutcome> run = fixture.start(spec(TestLocustfiles.TARGET_USERS, "12s", target.url()), dir);
        fixture.awaitConsole("All 2 workers connected", Duration.ofSeconds(60));

        // when
        LocalRunFixture.await("load on the target", Duration.ofSeconds(20), () -> target.totalRequests() > 50);
        locustProcess("--worker").destroyForcibly();
        RunOutcome outcome = run.get();

        // then
        assertThat(outcome.result().workers()).filteredOn(w -> w.lost()).hasSize(1);
        assertThat(outcome.result().warnings())
                .anySatisfy(w -> assertThat(w).contains("stopped answering the master"))
                .anySatisfy(w -> assertThat(w).containsPattern("worker-[12] \\(pid \\d+\\) ended with exit code"));
        assertThat(outcome.result().aggregated().requests()).isPositive();
        assertThat(fixture.console)
                .anyMatch(line -> line.matches("\\[loadtest] 0:\\d\\d  users \\d/6  workers \\d/2  .* req/s .*"));
        assertNoLocustProcessLeft();
    }

    @Test
    void shouldFailClearlyWhenTheMasterIsKilledAndLeaveNoProcess() throws Exception {
        // given
        Future<RunOutcome> run = fixture.start(spec(TestLocustfiles.TARGET_USERS, "30s", target.url()), dir);
        fixture.awaitConsole("All 2 workers connected", Duration.ofSeconds(60));

        // when
        locustProcess("--master").destroyForcibly();

        // then
        assertThatThrownBy(run::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining("master ended (exit code 137: killed (SIGKILL)");
        assertNoLocustProcessLeft();
    }

    @Test
    void shouldShowPythonsMessageForABrokenLocustfileFast() throws Exception {
        // given
        LoadTestSpec spec = spec(TestLocustfiles.SYNTAX_ERROR, "30s", target.url());
        long started = System.nanoTime();

        // then
        assertThatThrownBy(() -> fixture.run(spec, dir))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining("SyntaxError")
                .hasMessageContaining("File \"" + dir.resolve(TestLocustfiles.SYNTAX_ERROR) + "\", line 7");
        // Python and Locust start in ~3 s on an idle machine; the margin is for 2 cores shared with other builds.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
        assertThat(target.totalRequests()).isZero();
        assertNoLocustProcessLeft();
    }

    @Test
    void shouldFailTheThresholdsWhenTheHostIsUnreachable() throws Exception {
        // given
        LoadTestSpec spec = spec(TestLocustfiles.TARGET_USERS, "5s", TestTarget.closedPortUrl(), "fail_ratio < 1%");

        // when
        RunOutcome outcome = fixture.run(spec, dir.resolve("out"));

        // then
        EndpointStats total = outcome.result().aggregated();
        assertThat(total.requests()).isPositive();
        assertThat(total.failures()).isEqualTo(total.requests());
        assertThat(outcome.result().failures()).isNotEmpty();
        assertThat(outcome.verdict().status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(outcome.verdict().outcomes()).singleElement().satisfies(o -> assertThat(o.status())
                .isEqualTo(OutcomeStatus.FAILED));
    }

    @Test
    void shouldStopEarlyWhenAnAbortThresholdIsBreached() throws Exception {
        // given
        LoadTestSpec spec = spec(TestLocustfiles.FAILING_USERS, "40s", target.url(), "fail_ratio < 1% abort");
        long started = System.nanoTime();

        // when
        RunOutcome outcome = fixture.run(spec, dir.resolve("out"));

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(outcome.result().run().abortReason())
                .contains("fail_ratio < 1% abort")
                .contains("3 consecutive snapshots");
        assertThat(outcome.verdict().status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(fixture.console).anyMatch(line -> line.startsWith("[loadtest] Stopping the test early: threshold"));
        assertThat(outcome.result().aggregated().failures()).isEqualTo(target.failures("/fail"));
        assertNoLocustProcessLeft();
    }
}
