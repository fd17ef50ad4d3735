package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 100 and then 500 worker pods on the real control plane (Job controller, scheduler, API server), launched and gated,
 * with cheap fake processes instead of Locust (a real Locust process costs a second of CPU to start): the fake master
 * counts TCP connections from the fake workers through the master Service, then prints Locust's "Sending spawn jobs"
 * line. Prints launch-to-gate and cleanup times, peak client threads and the run's API calls; asserts only that the
 * threads do not grow with the workers.
 */
class KubernetesScaleIT {
    private static final String FAKE_MASTER =
            """
            import socket, sys, time
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((sys.argv[1], int(sys.argv[2])))
            s.listen(256)
            print("fake master listening", flush=True)
            workers = []
            while len(workers) < int(sys.argv[3]):
                workers.append(s.accept()[0])
            print("Sending spawn jobs of %d users at 1.00 spawn rate to %d ready workers"
                  % (len(workers), len(workers)), flush=True)
            time.sleep(1)
            print("Shutting down (exit code 0)", flush=True)
            """;
    private static final String FAKE_WORKER =
            """
            import socket, sys, time
            for attempt in range(600):
                try:
                    c = socket.create_connection((sys.argv[1], int(sys.argv[2])))
                    break
                except OSError:
                    time.sleep(0.1)
            print("fake worker connected", flush=True)
            time.sleep(600)
            """;

    private record Measured(
            int workers, long gateMillis, long cleanupMillis, int backendThreads, int httpThreads, int apiCalls) {}

    private KubernetesFixture fixture;
    private Path scripts;

    @BeforeEach
    void start() throws Exception {
        fixture = new KubernetesFixture();
        scripts = Files.createTempDirectory("fakes");
        Files.writeString(scripts.resolve("master.py"), FAKE_MASTER);
        Files.writeString(scripts.resolve("worker.py"), FAKE_WORKER);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void shouldLaunchAndGateFiveHundredWorkersOnAsFewClientThreadsAsAHundred() throws Exception {
        // when
        Measured hundred = launchAndGate(100);
        Measured fiveHundred = launchAndGate(500);

        // then the engine's threads do not grow with the workers
        int maxFollowed = fixture.spec().build().kubernetes().maxFollowedWorkerLogs();
        assertThat(List.of(hundred, fiveHundred))
                .allSatisfy(m -> assertThat(m.backendThreads()).isLessThanOrEqualTo(maxFollowed + 2));
        assertThat(fiveHundred.backendThreads()).isLessThanOrEqualTo(hundred.backendThreads());
        // OkHttp's threads are only printed: its pool serves every client in this JVM, and the test kubelet's clients
        // (status patches and log streams of every pod) grow with the pods by design, so they say nothing of the run.
    }

    /** One run of {@code workers} fake workers: launch to gate, then cleanup; prints what it measured. */
    private Measured launchAndGate(int workers) throws Exception {
        String runId = "it-scale-" + workers;
        fixture.cluster.clearFaults();
        fixture.cluster.replaceCommand(
                "master",
                List.of(
                        "/usr/bin/python3",
                        scripts.resolve("master.py").toString(),
                        "{BIND_HOST}",
                        "{BIND_PORT}",
                        String.valueOf(workers)));
        fixture.cluster.replaceCommand(
                "worker",
                List.of("/usr/bin/python3", scripts.resolve("worker.py").toString(), "{MASTER_HOST}", "{MASTER_PORT}"));
        // tiny requests: the stand-ins need next to nothing, and 500 of them fit on the two test nodes
        LoadTestSpec spec = fixture.spec()
                .slaves(workers)
                .users(workers)
                .spawnRate((double) workers)
                .startTimeout("300s")
                .workerResources(new Resources("5m", null, "16Mi", "64Mi"))
                .build();
        RecordingEvents events = new RecordingEvents();
        AtomicInteger backendThreads = new AtomicInteger();
        AtomicInteger httpThreads = new AtomicInteger();
        fixture.cluster.clearApiCalls();

        long start = System.nanoTime();
        long gate;
        try (RunHandle run =
                fixture.backend().start(new RunRequest(runId, spec, KubernetesFixture.files(spec)), events)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (events.linesOf("master").stream().noneMatch(l -> l.startsWith("Sending spawn jobs"))) {
                sampleThreads(backendThreads, httpThreads);
                assertThat(System.nanoTime()).as("gate within 300 s").isLessThan(deadline);
                assertThat(events.faults).isEmpty();
                Thread.sleep(100);
            }
            gate = System.nanoTime();
            sampleThreads(backendThreads, httpThreads);
            assertThat(run.masterExit().get(60, TimeUnit.SECONDS)).isZero();
        }
        long closed = System.nanoTime();
        assertThat(fixture.clean(runId)).isTrue();
        long gone = System.nanoTime();

        Measured m = new Measured(
                workers,
                (gate - start) / 1_000_000,
                (closed - gate) / 1_000_000,
                backendThreads.get(),
                httpThreads.get(),
                fixture.cluster.apiCalls().size());
        System.out.printf(
                "%d workers on the real control plane: launch+gate %d ms, close %d ms (+%d ms until the cluster"
                        + " removed every pod); threads: backend pool max %d, OkHttp max %d (all clients, the test"
                        + " kubelet's included); %d API calls by the run%n",
                workers,
                m.gateMillis(),
                m.cleanupMillis(),
                (gone - closed) / 1_000_000,
                m.backendThreads(),
                m.httpThreads(),
                m.apiCalls());
        assertThat(events.lines.stream().map(RecordingEvents.Line::source).distinct())
                .hasSizeLessThanOrEqualTo(1 + spec.kubernetes().maxFollowedWorkerLogs());
        return m;
    }

    private static void sampleThreads(AtomicInteger backend, AtomicInteger http) {
        List<String> names = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .toList();
        backend.accumulateAndGet(
                (int) names.stream().filter(n -> n.startsWith("loadtest-k8s-")).count(), Math::max);
        http.accumulateAndGet(
                (int) names.stream().filter(n -> n.startsWith("OkHttp")).count(), Math::max);
    }
}
