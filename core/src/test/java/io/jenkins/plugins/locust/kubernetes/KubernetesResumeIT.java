package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.run.Backend;
import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.ResumeState;
import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunListener;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A controller restart mid-run: the first runner loses its thread and lets go of the run without ending it (as a
 * process that dies does: nothing deleted), then a new runner with a new client resumes it from the persisted
 * {@link ResumeState} on the test cluster.
 */
class KubernetesResumeIT {
    private static final Duration FAST = Duration.ofSeconds(90);

    private KubernetesFixture fixture;
    private final List<String> before = new CopyOnWriteArrayList<>();
    private final List<String> after = new CopyOnWriteArrayList<>();
    private final AtomicReference<ResumeState> persisted = new AtomicReference<>();
    private final ExecutorService controller = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() throws Exception {
        fixture = new KubernetesFixture();
    }

    @AfterEach
    void stop() throws Exception {
        controller.shutdownNow();
        fixture.close();
    }

    /** The backend as a dying controller uses it: its handles let go of the run instead of deleting it. */
    private Backend dyingController() {
        KubernetesBackend real = fixture.backend();
        return new Backend() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public RunHandle start(RunRequest request, BackendEvents events)
                    throws LoadTestException, InterruptedException {
                RunHandle handle = real.start(request, events);
                return new RunHandle() {
                    @Override
                    public CompletableFuture<Integer> masterExit() {
                        return handle.masterExit();
                    }

                    @Override
                    public void stop() {
                        handle.stop();
                    }

                    @Override
                    public void close() {
                        handle.detach();
                    }

                    @Override
                    public String namespace() {
                        return handle.namespace();
                    }
                };
            }
        };
    }

    private LoadTestSpec spec() {
        return fixture.spec()
                .runTime("14s")
                .threshold("p95 < 10s")
                .threshold("fail_ratio < 1%")
                .build();
    }

    /** Starts the run on the "old controller" and kills that controller once {@code when} was printed. */
    private void startAndRestartWhen(String runId, LoadTestSpec spec, Predicate<String> when) throws Exception {
        RunListener listener = new RunListener() {
            @Override
            public void println(String line) {
                System.out.println(LocalTime.now() + " [old] " + line);
                before.add(line);
            }

            @Override
            public void started(ResumeState state) {
                persisted.set(state);
            }
        };
        Future<RunOutcome> old = controller.submit(() -> new LoadTestRunner(dyingController(), listener)
                .run(runId, spec, fixture.workspace.resolve("out-old"), Optional.empty()));
        long deadline = System.nanoTime() + FAST.toNanos();
        while (before.stream().noneMatch(when)) {
            assertThat(System.nanoTime())
                    .as("the old controller printed what we wait for")
                    .isLessThan(deadline);
            assertThat(old.isDone()).as("the old controller still runs").isFalse();
            Thread.sleep(50);
        }
        old.cancel(true); // the controller goes away
        assertThatThrownBy(old::get).isInstanceOf(java.util.concurrent.CancellationException.class);
        controller.shutdown();
        assertThat(controller.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private LoadTestRunner newController() {
        return new LoadTestRunner(new KubernetesBackend(fixture.connection()), line -> {
            System.out.println(LocalTime.now() + " [new] " + line);
            after.add(line);
        });
    }

    @Test
    void shouldCompleteAResumedRunWithTheVerdictAndCountsOfAnUninterruptedOne() throws Exception {
        // given a run whose controller went away mid-test
        String runId = "it-resume";
        LoadTestSpec spec = spec();
        startAndRestartWhen(runId, spec, line -> line.contains("All 3 workers connected"));
        ResumeState state = persisted.get();
        assertThat(state.runId()).isEqualTo(runId);
        assertThat(state.namespace()).isEqualTo(fixture.cluster.namespace());
        assertThat(fixture.cluster.pods("master"))
                .as("the run goes on without a controller")
                .hasSize(1);

        // when a new controller resumes it with a new client
        long start = System.nanoTime();
        RunOutcome outcome = newController().resume(state, spec, fixture.workspace.resolve("out"), Optional.empty());
        System.out.printf("resumed run ended %d ms after the resume%n", (System.nanoTime() - start) / 1_000_000);

        // then the verdict and the counts are those of a run nobody interrupted
        long counted = outcome.result().aggregated().requests();
        long served = fixture.target.totalRequests();
        System.out.printf("requests: counted %d, served %d (%d missing)%n", counted, served, served - counted);
        assertThat(counted).isPositive();
        assertThat(served - counted).isBetween(0L, 6L);
        assertThat(outcome.result().run().runId()).isEqualTo(runId);
        assertThat(outcome.result().timings().launched()).isEqualTo(state.started());
        assertThat(outcome.verdict().status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(outcome.verdict().outcomes())
                .extracting(o -> o.expression() + " " + o.status())
                .containsExactly("p95 < 10s " + OutcomeStatus.PASSED, "fail_ratio < 1% " + OutcomeStatus.FAILED);
        assertThat(fixture.workspace.resolve("out/result.json")).exists();
        // and what the old controller printed is not printed again
        assertThat(before).anyMatch(l -> l.startsWith("[master] ") && l.contains("Starting Locust"));
        assertThat(after).noneMatch(l -> l.startsWith("[master] ") && l.contains("Starting Locust"));
        assertThat(after).contains("[loadtest] All 3 workers had connected; the test goes on.");
        assertThat(fixture.clean(runId)).isTrue();
    }

    @Test
    void shouldFailClearlyAndSweepWhenThePodsWereDeletedDuringTheRestart() throws Exception {
        // given a run whose controller went away mid-test
        String runId = "it-resume-gone";
        LoadTestSpec spec = spec();
        startAndRestartWhen(runId, spec, line -> line.contains("All 3 workers connected"));

        // when its pods are deleted before the new controller is up
        fixture.cluster
                .client()
                .pods()
                .inNamespace(fixture.cluster.namespace())
                .withLabel(RunNames.RUN_ID_LABEL, runId)
                .delete();
        long deadline = System.nanoTime() + FAST.toNanos();
        while (!fixture.cluster.pods("master").isEmpty()) {
            assertThat(System.nanoTime()).as("the master pod is gone").isLessThan(deadline);
            Thread.sleep(100);
        }

        // then
        assertThatThrownBy(() -> newController()
                        .resume(persisted.get(), spec, fixture.workspace.resolve("out"), Optional.empty()))
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining("Run " + runId + " cannot be resumed: its master pod is gone from namespace "
                        + fixture.cluster.namespace())
                .hasMessageContaining("Run the test again");
        assertThat(fixture.clean(runId))
                .as("what was left of the run is removed")
                .isTrue();
    }
}
