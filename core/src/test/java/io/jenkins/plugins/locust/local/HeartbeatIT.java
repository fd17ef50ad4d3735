package io.jenkins.plugins.locust.local;

import static io.jenkins.plugins.locust.local.LocalRunFixture.assertNoLocustProcessLeft;
import static io.jenkins.plugins.locust.local.LocalRunFixture.signalWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPU-starved workers, simulated by freezing them (SIGSTOP): a short stall must not end the test (Locust alone
 * would call the workers missing after 3 s and stop it), and a long one that makes Locust stop the test must never
 * give a passing verdict on the few seconds that ran.
 */
class HeartbeatIT {
    @TempDir
    Path dir;

    private TestTarget target;
    private LocalRunFixture fixture;

    @BeforeEach
    void start() throws Exception {
        LocustInstallation venv = LocustInstallation.forTests();
        assertThat(venv.available()).as(venv.problem()).isTrue();
        target = TestTarget.start();
        fixture = new LocalRunFixture(venv);
    }

    @AfterEach
    void stop() throws Exception {
        signalWorkers("CONT");
        fixture.close();
        target.close();
    }

    @Test
    void shouldSurviveAShortStallAndFailTheVerdictWhenLocustStopsTheTestForMissingWorkers() throws Exception {
        // given
        LoadTestSpec spec = LoadTestSpec.builder()
                .script(TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS).toString())
                .users(4)
                .spawnRate(4.0)
                .slaves(2)
                .runTime("30s")
                .startTimeout("60s")
                .stopTimeout("1s")
                .host(target.url())
                .threshold("fail_ratio < 50%")
                .build();
        Future<RunOutcome> run = fixture.start(spec, dir.resolve("out"));
        fixture.awaitConsole("All 2 workers connected", Duration.ofSeconds(60));
        LocalRunFixture.await("load on the target", Duration.ofSeconds(20), () -> target.totalRequests() > 20);

        // when: a 4 s stall, longer than Locust's own 3 missed heartbeats
        signalWorkers("STOP");
        Thread.sleep(4_000); // the stimulus itself: how long the workers are starved
        signalWorkers("CONT");
        long afterShortStall = target.totalRequests();
        LocalRunFixture.await(
                "load to resume", Duration.ofSeconds(20), () -> target.totalRequests() > afterShortStall + 20);
        int consoleBeforeLongStall = fixture.console.size();

        // and: a stall long enough for the master to give up on every worker
        signalWorkers("STOP");
        fixture.awaitConsole("The last worker went missing", Duration.ofSeconds(30));
        signalWorkers("CONT");
        RunOutcome outcome = run.get();

        // then
        assertThat(fixture.console.subList(0, consoleBeforeLongStall))
                .noneMatch(line -> line.contains("failed to send heartbeat"));
        assertThat(outcome.verdict().status()).isEqualTo(VerdictStatus.FAILED);
        // the guard rails say why: every worker was lost, so the load did not run as planned
        assertThat(outcome.verdict().guardRails())
                .filteredOn(o -> o.status() == OutcomeStatus.FAILED)
                .anySatisfy(o -> assertThat(o.message()).contains("stopped answering the master"));
        assertThat(outcome.result().warnings()).anySatisfy(w -> assertThat(w).contains("Locust stopped the test"));
        assertThat(outcome.result().workers()).isNotEmpty().allMatch(w -> w.lost());
        assertNoLocustProcessLeft();
    }
}
