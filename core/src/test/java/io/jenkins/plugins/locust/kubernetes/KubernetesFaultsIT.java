package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Resources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault the cluster can throw at a run: the user's message, the outcome, and nothing left behind. */
class KubernetesFaultsIT {
    private static final Duration FAST = Duration.ofSeconds(30);

    private KubernetesFixture fixture;
    private RecordingEvents events;

    @BeforeEach
    void start() throws Exception {
        fixture = new KubernetesFixture();
        events = new RecordingEvents();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private RunRequest request(String runId) throws LoadTestException {
        return request(runId, fixture.spec().build());
    }

    private static RunRequest request(String runId, LoadTestSpec spec) throws LoadTestException {
        return new RunRequest(runId, spec, KubernetesFixture.files(spec));
    }

    /** Workers asking for more CPU than a test node has: the real scheduler leaves them pending. */
    private LoadTestSpec unschedulableWorkers() {
        return fixture.spec()
                .workerResources(new Resources("64", null, "256Mi", "256Mi"))
                .build();
    }

    @Test
    void shouldWaitForANodeAndNameTheSchedulersMessageAtStartTimeout() throws Exception {
        // given workers that need more CPU than any node has (what makes an autoscaler add a node)
        LoadTestSpec spec = fixture.spec()
                .workerResources(new Resources("64", null, "256Mi", "256Mi"))
                .startTimeout("15s")
                .build();
        long started = System.nanoTime();

        // when
        RecordingEvents.Fault fault;
        try (RunHandle run = fixture.backend().start(request("it-unsched", spec), events)) {
            events.awaitLine(l -> l.text().startsWith("waiting for a node: "), FAST);
            fault = events.awaitFault(RecordingEvents.Fault::fatal, FAST);
        }

        // then the scheduler's message is progress first, and the run fails only at startTimeout, naming it
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(13));
        assertThat(events.linesOf(StartWatch.SOURCE))
                .anySatisfy(line -> assertThat(line).contains("0/2 nodes are available: 2 Insufficient cpu"));
        assertThat(fault.message())
                .contains("still waiting for a node after startTimeout (15s)")
                .contains("0/2 nodes are available: 2 Insufficient cpu")
                .contains("workerResources");
        assertThat(fixture.clean("it-unsched")).isTrue();
    }

    @Test
    void shouldFailFastNamingTheImageWhenItCannotBePulled() throws Exception {
        // given
        fixture.cluster.imagePullError("master");

        // when
        RecordingEvents.Fault fault;
        try (RunHandle run = fixture.backend().start(request("it-image"), events)) {
            fault = events.awaitFault(RecordingEvents.Fault::fatal, FAST);
        }

        // then
        assertThat(fault.message())
                .contains("Pod locust-it-image-master-")
                .contains("(master) cannot pull its image 'locustio/locust:2.47.0'")
                .containsPattern("ErrImagePull|ImagePullBackOff");
        assertThat(fixture.clean("it-image")).isTrue();
    }

    @Test
    void shouldFailFastWithTheExitCodeAndLastLinesWhenAWorkerCrashes() throws Exception {
        // given
        fixture.cluster.crash(
                "worker",
                1,
                1,
                List.of("Traceback (most recent call last):", "ModuleNotFoundError: No module named 'x'"));

        // when
        RecordingEvents.Fault fault;
        try (RunHandle run = fixture.backend().start(request("it-crash"), events)) {
            fault = events.awaitFault(RecordingEvents.Fault::fatal, FAST);
        }

        // then
        assertThat(fault.message())
                .contains("(worker-")
                .contains("exited with code 1 (Error) before all workers connected")
                .contains("ModuleNotFoundError: No module named 'x'");
        assertThat(fixture.clean("it-crash")).isTrue();
    }

    @Test
    void shouldEndTheRunEarlyAndSaySoWhenTheMasterPodIsDeletedMidRun() throws Exception {
        // given a run whose master is running
        try (RunHandle run = fixture.backend().start(request("it-deleted"), events)) {
            events.awaitLine(l -> l.source().equals("master") && l.text().contains("Sending spawn jobs"), FAST);

            // when someone deletes the master pod
            String masterPod =
                    fixture.cluster.pods("master").get(0).getMetadata().getName();
            fixture.cluster
                    .client()
                    .pods()
                    .inNamespace(fixture.cluster.namespace())
                    .resource(fixture.cluster.pods("master").get(0))
                    .delete();

            // then Locust got SIGTERM and ended the test normally, and the user is told why it ended early
            assertThat(run.masterExit().get(30, TimeUnit.SECONDS)).isZero();
            assertThat(events.linesOf("master")).isEqualTo(fixture.cluster.containerLog(masterPod));
            RecordingEvents.Fault fault =
                    events.awaitFault(f -> f.message().contains("(master) is being deleted"), FAST);
            assertThat(fault.fatal()).isFalse();
            assertThat(fault.message()).contains("covers only the time until then");
        }
        assertThat(fixture.clean("it-deleted")).isTrue();
    }

    @Test
    void shouldFailWithTheCallAndStatusAndRemoveWhatWasCreatedWhenTheApiKeepsFailing() throws Exception {
        // given
        fixture.cluster.failApiCalls("create", "jobs", 500, 2 + 10);

        // when / then
        assertThatThrownBy(() -> fixture.backend().start(request("it-api500"), events))
                .isInstanceOf(LoadTestException.class)
                .hasMessageContaining("Kubernetes refused to create the master Job locust-it-api500-master")
                .hasMessageContaining("HTTP 500");
        assertThat(fixture.clean("it-api500")).isTrue();
    }

    @Test
    void shouldRideOutAnApiErrorOnceAndDroppedWatchesAndLogStreams() throws Exception {
        // given one failing call, and watches and log streams that drop during the run
        fixture.cluster.failApiCalls("create", "services", 500, 1);
        fixture.cluster.logFollowLifetime(Duration.ofSeconds(3));

        // when
        int exit;
        String masterPod;
        try (RunHandle run = fixture.backend().start(request("it-drops"), events)) {
            events.awaitLine(l -> l.source().equals("master") && l.text().contains("Sending spawn jobs"), FAST);
            masterPod = fixture.cluster.pods("master").get(0).getMetadata().getName();
            assertThat(fixture.cluster.dropWatches("pods")).isPositive();
            fixture.cluster.dropLogStreams();
            exit = run.masterExit().get(60, TimeUnit.SECONDS);
        }

        // then the run completed, every master line arrived exactly once, and the watch and streams were resumed
        assertThat(exit).as("the reporter leaves the verdict to the thresholds").isZero();
        assertThat(events.faults).isEmpty();
        assertThat(events.linesOf("master")).isEqualTo(fixture.cluster.containerLog(masterPod));
        assertThat(fixture.cluster.apiCalls().stream()
                        .filter(c -> c.verb().equals("watch") && "pods".equals(c.resource())))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(fixture.clean("it-drops")).isTrue();
    }

    @Test
    void shouldRemoveEverythingWhenClosedBeforeTheWorkersStarted() throws Exception {
        // given workers that stay pending
        RunHandle run = fixture.backend().start(request("it-abort-early", unschedulableWorkers()), events);

        // when the build is aborted: the thread is interrupted and the handle closed
        Thread.currentThread().interrupt();
        try {
            run.close();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        // then
        assertThat(fixture.clean("it-abort-early")).isTrue();
    }

    @Test
    void shouldRemoveEverythingWhenClosedMidRun() throws Exception {
        // given a running test
        RunHandle run = fixture.backend().start(request("it-abort-run"), events);
        events.awaitLine(l -> l.source().equals("master") && l.text().contains("Sending spawn jobs"), FAST);

        // when
        long start = System.nanoTime();
        run.close();
        System.out.printf("close mid-run took %d ms%n", (System.nanoTime() - start) / 1_000_000);

        // then
        assertThat(fixture.clean("it-abort-run")).isTrue();
        assertThat(fixture.cluster.liveProcesses()).isEmpty();
    }

    @Test
    void shouldFinishTheCleanupWhenInterruptedDuringIt() throws Exception {
        // given a running test
        RunHandle run = fixture.backend().start(request("it-abort-cleanup"), events);
        events.awaitLine(l -> l.source().equals("master") && l.text().contains("Sending spawn jobs"), FAST);

        // when the thread closing it is interrupted while the pods terminate (a second abort in Jenkins)
        java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread closer = new Thread(() -> {
            run.close();
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        closer.start();
        long deadline = System.nanoTime() + FAST.toNanos();
        while (fixture.cluster
                        .client()
                        .configMaps()
                        .inNamespace(fixture.cluster.namespace())
                        .withName("locust-it-abort-cleanup-files")
                        .get()
                != null) {
            assertThat(System.nanoTime()).as("cleanup started").isLessThan(deadline);
            Thread.sleep(20);
        }
        closer.interrupt();
        closer.join(TimeUnit.SECONDS.toMillis(90));

        // then cleanup went on to the end and the interrupt is kept for the caller
        assertThat(closer.isAlive()).isFalse();
        assertThat(stillInterrupted).isTrue();
        assertThat(fixture.clean("it-abort-cleanup")).isTrue();
    }
}
