package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 100 worker pods, launched and gated, with cheap fake processes instead of Locust (a real Locust process costs a
 * second of CPU to start): the fake master counts TCP connections from the fake workers through the master Service,
 * then prints Locust's "Sending spawn jobs" line. Prints the launch and gate times and the thread counts.
 */
class KubernetesScaleIT {
    private static final int WORKERS = 100;
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

    private KubernetesFixture fixture;
    private Path scripts;

    @BeforeEach
    void start() throws Exception {
        fixture = new KubernetesFixture();
        scripts = Files.createTempDirectory("fakes");
        Files.writeString(scripts.resolve("master.py"), FAKE_MASTER);
        Files.writeString(scripts.resolve("worker.py"), FAKE_WORKER);
        fixture.cluster.replaceCommand(
                "master",
                List.of(
                        "/usr/bin/python3",
                        scripts.resolve("master.py").toString(),
                        "{BIND_HOST}",
                        "{BIND_PORT}",
                        String.valueOf(WORKERS)));
        fixture.cluster.replaceCommand(
                "worker",
                List.of("/usr/bin/python3", scripts.resolve("worker.py").toString(), "{MASTER_HOST}", "{MASTER_PORT}"));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void shouldLaunchAndGateAHundredWorkersOnABoundedNumberOfThreads() throws Exception {
        // given
        LoadTestSpec spec =
                fixture.spec().slaves(WORKERS).users(WORKERS).spawnRate(100.0).build();
        RecordingEvents events = new RecordingEvents();
        int threadsBefore = Thread.activeCount();
        AtomicInteger backendThreads = new AtomicInteger();
        AtomicInteger httpThreads = new AtomicInteger();

        // when
        long start = System.nanoTime();
        long gate;
        try (RunHandle run =
                fixture.backend().start(new RunRequest("it-scale", spec, KubernetesFixture.files(spec)), events)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (events.linesOf("master").stream().noneMatch(l -> l.startsWith("Sending spawn jobs"))) {
                sampleThreads(backendThreads, httpThreads);
                assertThat(System.nanoTime()).as("gate within 120 s").isLessThan(deadline);
                assertThat(events.faults).isEmpty();
                Thread.sleep(100);
            }
            gate = System.nanoTime();
            sampleThreads(backendThreads, httpThreads);
            assertThat(run.masterExit().get(30, TimeUnit.SECONDS)).isZero();
        }
        long closed = System.nanoTime();

        // then
        System.out.printf(
                "100 workers: launch+gate %d ms, cleanup %d ms; threads: backend pool max %d, OkHttp max %d (all clients,"
                        + " the test kubelet's included), JVM %d before%n",
                (gate - start) / 1_000_000,
                (closed - gate) / 1_000_000,
                backendThreads.get(),
                httpThreads.get(),
                threadsBefore);
        int maxFollowed = spec.kubernetes().maxFollowedWorkerLogs();
        assertThat(backendThreads.get()).isLessThanOrEqualTo(maxFollowed + 2);
        assertThat(events.lines.stream().map(RecordingEvents.Line::source).distinct())
                .hasSizeLessThanOrEqualTo(1 + maxFollowed);
        assertThat(fixture.clean("it-scale")).isTrue();
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
