package io.jenkins.plugins.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.local.LocalBackend;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LoadTestRunner#resume} and {@link LoadTestRunner#status()} against a scripted backend: no processes. */
class LoadTestRunnerResumeTest {
    @TempDir
    Path dir;

    private final List<String> console = new CopyOnWriteArrayList<>();

    /** A scripted backend that also attaches: the attached handle replays the same script from its start. */
    static final class AttachableBackend implements Backend {
        final Consumer<BackendEvents> script;
        final List<String> attached = new ArrayList<>();
        LoadTestRunnerTest.ScriptedBackend last;

        AttachableBackend(Consumer<BackendEvents> script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public RunHandle start(RunRequest request, BackendEvents events) {
            last = new LoadTestRunnerTest.ScriptedBackend(0, script);
            RunHandle handle = last.start(request, events);
            return new RunHandle() {
                @Override
                public java.util.concurrent.CompletableFuture<Integer> masterExit() {
                    return handle.masterExit();
                }

                @Override
                public void stop() {
                    handle.stop();
                }

                @Override
                public void close() {
                    handle.close();
                }

                @Override
                public String namespace() {
                    return "ns-1";
                }
            };
        }

        @Override
        public RunHandle attach(String runId, String namespace, LoadTestSpec spec, BackendEvents events) {
            attached.add(runId + " in " + namespace);
            return start(new RunRequest(runId, spec, Map.of()), events);
        }
    }

    private LoadTestSpec spec() throws IOException {
        Path script = TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS);
        return LoadTestSpec.builder()
                .script(script.toString())
                .users(4)
                .slaves(2)
                .runTime("10s")
                .startTimeout("30s")
                .threshold("fail_ratio < 60%")
                .build();
    }

    @Test
    void shouldEndAResumedRunWithTheSameResultAndVerdictAsTheUninterruptedOne() throws Exception {
        // given a run, and what it told its caller to persist
        List<String> lines = LoadTestRunnerTest.recordedRun();
        AttachableBackend backend = new AttachableBackend(events -> lines.forEach(line -> events.line("master", line)));
        List<ResumeState> persisted = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void println(String line) {
                console.add(line);
            }

            @Override
            public void started(ResumeState state) {
                persisted.add(state);
            }
        };
        LoadTestSpec spec = spec();
        Instant before = Instant.now();
        RunOutcome uninterrupted =
                new LoadTestRunner(backend, listener).run("shop-7-abcde", spec, dir.resolve("a"), Optional.empty());

        // when a new runner (a restarted controller) resumes from the persisted state
        RunOutcome resumed = new LoadTestRunner(backend, console::add)
                .resume(persisted.get(0), spec, dir.resolve("b"), Optional.empty());

        // then
        assertThat(persisted).hasSize(1);
        ResumeState state = persisted.get(0);
        assertThat(state.runId()).isEqualTo("shop-7-abcde");
        assertThat(state.namespace()).isEqualTo("ns-1");
        assertThat(state.backend()).isEqualTo("scripted");
        assertThat(state.started()).isBetween(before, Instant.now());
        assertThat(state.startDeadline()).isEqualTo(state.started().plus(spec.startTimeout()));
        assertThat(state.endDeadline()).isAfter(state.startDeadline().plus(spec.plannedDuration()));
        assertThat(backend.attached).containsExactly("shop-7-abcde in ns-1");
        assertThat(resumed.result().aggregated())
                .isEqualTo(uninterrupted.result().aggregated());
        assertThat(resumed.result().endpoints())
                .isEqualTo(uninterrupted.result().endpoints());
        assertThat(resumed.result().run()).isEqualTo(uninterrupted.result().run());
        assertThat(resumed.result().timings().launched()).isEqualTo(state.started());
        assertThat(resumed.verdict()).isEqualTo(uninterrupted.verdict());
        assertThat(dir.resolve("b/result.json")).exists();
        assertThat(console).anyMatch(line -> line.startsWith("[loadtest] Resuming run shop-7-abcde (scripted,"));
        assertThat(console).anyMatch(line -> line.equals("[loadtest] All 2 workers had connected; the test goes on."));
    }

    @Test
    void shouldSayPlainlyThatALocalRunCannotBeResumed() throws Exception {
        // given
        ResumeState state =
                new ResumeState(null, "local", null, "shop-7-abcde", Instant.now(), Instant.now(), Instant.now());
        LoadTestRunner runner = new LoadTestRunner(new LocalBackend(null), console::add);

        // then
        assertThatThrownBy(() -> runner.resume(state, spec(), dir, Optional.empty()))
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining("Run shop-7-abcde ran on the local backend")
                .hasMessageContaining("cannot be resumed after a restart")
                .hasMessageContaining("use the kubernetes backend");
        assertThat(runner.status().phase()).isEqualTo(RunPhase.FAILED);
        assertThat(runner.status().runId()).isEqualTo("shop-7-abcde");
    }

    @Test
    void shouldTellThePhaseAndProgressOfTheRun() throws Exception {
        // given a master that reports two workers connected, a snapshot, then waits to be told
        List<String> lines = LoadTestRunnerTest.recordedRun();
        List<RunStatus> seen = new CopyOnWriteArrayList<>();
        LoadTestRunner[] runner = new LoadTestRunner[1];
        AttachableBackend backend = new AttachableBackend(events -> {
            seen.add(runner[0].status());
            lines.forEach(line -> {
                events.line("master", line);
                if (line.contains("\"elapsed\"") && seen.size() == 1) {
                    awaitPhase(runner[0], RunPhase.RUNNING);
                    seen.add(runner[0].status());
                }
            });
        });
        runner[0] = new LoadTestRunner(backend, console::add);
        assertThat(runner[0].status().phase()).isEqualTo(RunPhase.NOT_STARTED);

        // when
        runner[0].run("shop-7-abcde", spec(), dir, Optional.empty());

        // then
        assertThat(seen.get(0).phase()).isIn(RunPhase.LAUNCHING, RunPhase.WAITING_FOR_WORKERS);
        assertThat(seen.get(1).phase()).isEqualTo(RunPhase.RUNNING);
        assertThat(seen.get(1).toString())
                .startsWith("running (run shop-7-abcde): ")
                .contains("users", "req/s");
        assertThat(runner[0].status().phase()).isEqualTo(RunPhase.FINISHED);
    }

    private static void awaitPhase(LoadTestRunner runner, RunPhase phase) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (runner.status().phase() != phase && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }
}
