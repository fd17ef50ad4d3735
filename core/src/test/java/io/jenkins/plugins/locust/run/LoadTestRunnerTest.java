package io.jenkins.plugins.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a scripted backend: no processes, milliseconds. */
class LoadTestRunnerTest {
    @TempDir
    Path dir;

    private final List<String> console = new CopyOnWriteArrayList<>();

    /** A backend whose master "prints" what the script says, on its own thread, then exits (unless null). */
    static final class ScriptedBackend implements Backend {
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final Consumer<BackendEvents> script;
        final Integer exitCode;
        RunRequest request;
        volatile boolean closed;

        ScriptedBackend(Integer exitCode, Consumer<BackendEvents> script) {
            this.exitCode = exitCode;
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public RunHandle start(RunRequest request, BackendEvents events) {
            this.request = request;
            new Thread(() -> {
                        script.accept(events);
                        if (exitCode != null) {
                            exit.complete(exitCode);
                        }
                    })
                    .start();
            return new RunHandle() {
                @Override
                public CompletableFuture<Integer> masterExit() {
                    return exit;
                }

                @Override
                public void stop() {
                    exit.complete(143);
                }

                @Override
                public void close() {
                    closed = true;
                    exit.complete(-1);
                }
            };
        }
    }

    private LoadTestSpec spec(int slaves, String startTimeout) throws IOException {
        Path script = TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS);
        return LoadTestSpec.builder()
                .script(script.toString())
                .users(4)
                .slaves(slaves)
                .runTime("10s")
                .startTimeout(startTimeout)
                .threshold("fail_ratio < 60%")
                .build();
    }

    static List<String> recordedRun() throws IOException {
        try (InputStream in = LoadTestRunnerTest.class.getResourceAsStream(
                "/io/jenkins/plugins/locust/reporter/reporter-2.47.0.out")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void shouldBuildTheOutcomeFromTheReporterLines() throws Exception {
        // given
        List<String> lines = recordedRun();
        ScriptedBackend backend = new ScriptedBackend(0, events -> {
            events.line("master", "[2026-11-29] vm/INFO/locust.main: Starting Locust 2.47.0");
            lines.forEach(line -> events.line("master", line));
            events.line("worker-2", "[2026-11-29] vm/INFO/locust.main: Shutting down (exit code 0)");
        });

        // when
        RunOutcome outcome = new LoadTestRunner(backend, console::add).run(spec(2, "30s"), dir, Optional.empty());

        // then
        assertThat(outcome.result().aggregated().requests()).isEqualTo(296);
        assertThat(outcome.result().run().backend()).isEqualTo("scripted");
        assertThat(outcome.verdict().outcomes()).hasSize(1);
        assertThat(backend.closed).isTrue();
        assertThat(backend.request.files()).containsKeys(TestLocustfiles.TARGET_USERS, RunFiles.REPORTER, RunFiles.FIX);
        assertThat(console)
                .contains("[master] [2026-11-29] vm/INFO/locust.main: Starting Locust 2.47.0")
                .anyMatch(line -> line.startsWith("[loadtest] All 2 workers connected"))
                .noneMatch(line -> line.contains("##loadtest:"));
    }

    @Test
    void shouldPassTheListenerEverySnapshotOnceInOrder() throws Exception {
        // given a recorded run, and a listener that keeps the snapshots it is given
        List<String> lines = recordedRun();
        ScriptedBackend backend = new ScriptedBackend(0, events -> lines.forEach(line -> events.line("master", line)));
        List<Snapshot> live = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void println(String line) {
                console.add(line);
            }

            @Override
            public void snapshot(Snapshot snapshot) {
                live.add(snapshot);
            }
        };

        // when
        RunOutcome outcome = new LoadTestRunner(backend, listener).run(spec(2, "30s"), dir, Optional.empty());

        // then the live view saw the result's time series
        assertThat(live).isNotEmpty().isEqualTo(outcome.result().timeline());
    }

    @Test
    void shouldNeverPassARunThatLocustStoppedBecauseEveryWorkerWentMissing() throws Exception {
        // given: the recorded run, as if Locust had stopped the test after 4 s for lack of heartbeats
        List<String> lines = recordedRun().stream()
                .map(line -> line.replace(
                        "\"aborted\":false,",
                        "\"aborted\":false,\"test_seconds\":4.0," + "\"stop_cause\":\"workers_missing\","))
                .toList();
        ScriptedBackend backend = new ScriptedBackend(0, events -> lines.forEach(line -> events.line("master", line)));

        // when
        RunOutcome outcome = new LoadTestRunner(backend, console::add).run(spec(2, "30s"), dir, Optional.empty());

        // then: the threshold alone holds, the run as a whole does not
        assertThat(outcome.verdict().outcomes())
                .extracting(ThresholdOutcome::status)
                .containsExactly(OutcomeStatus.PASSED);
        assertThat(outcome.verdict().status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(outcome.verdict().decisive()).hasValueSatisfying(rail -> assertThat(rail.message())
                .contains("the test ran 4 s of the planned 10 s because every worker stopped answering the master"));
        assertThat(outcome.result().warnings()).anyMatch(w -> w.contains("every worker stopped sending heartbeats"));
    }

    /** A clock that stands still until started, then moves one second each time it is read. */
    static final class SteppingClock extends Clock {
        final AtomicBoolean moving = new AtomicBoolean();
        final AtomicInteger reads = new AtomicInteger();
        private final Instant start = Instant.parse("2026-12-03T08:00:00Z");

        @Override
        public Instant instant() {
            return moving.get() ? start.plusSeconds(reads.incrementAndGet()) : start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void shouldNotRepeatTheLastProgressLineOnceTheTestHasStopped() throws Exception {
        // given: the snapshots arrive, then the master takes a while (in clock time: several progress periods) to end
        List<String> lines = recordedRun();
        SteppingClock clock = new SteppingClock();
        ScriptedBackend backend = new ScriptedBackend(0, events -> {
            lines.stream().filter(line -> !line.contains("\"event\":\"final\"")).forEach(l -> events.line("master", l));
            clock.moving.set(true);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (clock.reads.get() < 45 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // until the runner has read the clock through four 10-s progress periods
            }
            lines.stream().filter(line -> line.contains("\"event\":\"final\"")).forEach(l -> events.line("master", l));
        });

        // when
        new LoadTestRunner(backend, console::add, new ThresholdEvaluation(), clock)
                .run(spec(2, "30s"), dir, Optional.empty());

        // then
        assertThat(clock.reads.get()).isGreaterThanOrEqualTo(45);
        assertThat(console.stream().filter(line -> line.contains("  users 4/4  workers 2/2  ")))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("[loadtest] 0:07 "));
    }

    @Test
    void shouldFailWhenTooFewWorkersConnectInTime() throws Exception {
        // given
        ScriptedBackend backend = new ScriptedBackend(
                null,
                events -> events.line(
                        "master",
                        "##loadtest:v1 {\"event\":\"workers\",\"connected\":1,\"expected\":3,\"workers\":[]}"));

        // then
        assertThatThrownBy(() -> new LoadTestRunner(backend, console::add).run(spec(3, "1s"), dir, Optional.empty()))
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining("Only 1 of 3 Locust workers connected")
                .hasMessageContaining("startTimeout (1s)");
        assertThat(backend.closed).isTrue();
    }

    @Test
    void shouldShowTheMastersLastLinesWhenItEndsWithoutAResult() throws Exception {
        // given
        ScriptedBackend backend = new ScriptedBackend(1, events -> {
            events.line("master", "  File \"/tmp/x/locustfile.py\", line 3");
            events.line("master", "SyntaxError: invalid syntax");
        });

        // then
        assertThatThrownBy(() -> new LoadTestRunner(backend, console::add).run(spec(1, "30s"), dir, Optional.empty()))
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining("master ended (exit code 1)")
                .hasMessageContaining("SyntaxError: invalid syntax");
        assertThat(backend.closed).isTrue();
    }

    @Test
    void shouldStopAtOnceWhenTheReporterRefusesToRun() throws Exception {
        // given
        ScriptedBackend backend = new ScriptedBackend(
                null,
                events -> events.line(
                        "master",
                        "##loadtest:v1 {\"event\":\"error\",\"message\":\"The locustfile defines its own shape\"}"));

        // then
        assertThatThrownBy(() -> new LoadTestRunner(backend, console::add).run(spec(1, "30s"), dir, Optional.empty()))
                .isInstanceOf(LoadTestException.class)
                .hasMessage("The locustfile defines its own shape");
        assertThat(backend.closed).isTrue();
    }
}
