package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Resources;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 100 and then 500 worker pods on the real control plane (Job controller, scheduler, API server), launched and gated,
 * with cheap fake processes instead of Locust (a real Locust process costs a second of CPU to start): the fake master
 * counts TCP connections from the fake workers through the master Service, then prints Locust's "Sending spawn jobs"
 * line. Prints launch-to-gate and cleanup times, peak client threads, heap and the run's API calls; asserts only that
 * the threads do not grow with the workers. With {@code -Dbench.out=<folder>} ({@code make bench}, figure 7) it
 * repeats 100 and 500 workers alternately {@code bench.rounds} times (default 2) and writes the medians there.
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

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

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
        String benchOut = System.getProperty("bench.out");
        int rounds = benchOut == null ? 1 : Integer.getInteger("bench.rounds", 2);
        List<ScaleFigures.Measured> hundreds = new ArrayList<>();
        List<ScaleFigures.Measured> fiveHundreds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            hundreds.add(launchAndGate(100));
            fiveHundreds.add(launchAndGate(500));
        }
        ScaleFigures.Measured hundred = hundreds.get(0);
        ScaleFigures.Measured fiveHundred = fiveHundreds.get(0);
        if (benchOut != null) {
            ScaleFigures.write(Path.of(benchOut), hundreds, fiveHundreds);
        }

        // then the engine's threads do not grow with the workers
        int maxFollowed = fixture.spec().build().kubernetes().maxFollowedWorkerLogs();
        assertThat(List.of(hundred, fiveHundred))
                .allSatisfy(m -> assertThat(m.backendThreads()).isLessThanOrEqualTo(maxFollowed + 2));
        assertThat(fiveHundred.backendThreads()).isLessThanOrEqualTo(hundred.backendThreads());
        // OkHttp's threads are only printed: its pool serves every client in this JVM, and the test kubelet's clients
        // (status patches and log streams of every pod) grow with the pods by design, so they say nothing of the run.
    }

    /** One run of {@code workers} fake workers: launch to gate, then cleanup; prints what it measured. */
    private ScaleFigures.Measured launchAndGate(int workers) throws Exception {
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
        Map<Long, Long> engineAllocated = new HashMap<>();
        fixture.cluster.clearApiCalls();
        long heapBefore = heapAfterGc();

        long callerBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long gate;
        long retained;
        long podBytes;
        long managedFieldsBytes;
        long closing;
        RunHandle run = fixture.backend().start(new RunRequest(runId, spec, KubernetesFixture.files(spec)), events);
        long callerAllocated = THREADS.getCurrentThreadAllocatedBytes() - callerBefore;
        try (run) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (events.linesOf("master").stream().noneMatch(l -> l.startsWith("Sending spawn jobs"))) {
                sampleThreads(backendThreads, httpThreads, engineAllocated);
                assertThat(System.nanoTime()).as("gate within 300 s").isLessThan(deadline);
                assertThat(events.faults).isEmpty();
                Thread.sleep(100);
            }
            gate = System.nanoTime();
            sampleThreads(backendThreads, httpThreads, engineAllocated);
            long atGate = heapAfterGc();
            retained = atGate - heapBefore;
            // what one worker's Pod object holds on the heap (the engine's pod informer caches each pod of the run)
            List<Pod> probe = fixture.cluster.pods("worker");
            podBytes = (heapAfterGc() - atGate) / Math.max(1, probe.size());
            probe.forEach(pod -> pod.getMetadata().setManagedFields(null));
            managedFieldsBytes = podBytes - (heapAfterGc() - atGate) / Math.max(1, probe.size());
            assertThat(run.masterExit().get(60, TimeUnit.SECONDS)).isZero();
            sampleThreads(backendThreads, httpThreads, engineAllocated);
            callerBefore = THREADS.getCurrentThreadAllocatedBytes();
            closing = System.nanoTime();
        }
        long closed = System.nanoTime();
        callerAllocated += THREADS.getCurrentThreadAllocatedBytes() - callerBefore;
        assertThat(fixture.clean(runId)).isTrue();
        long gone = System.nanoTime();

        ScaleFigures.Measured m = new ScaleFigures.Measured(
                workers,
                (gate - start) / 1_000_000,
                (closed - closing) / 1_000_000,
                backendThreads.get(),
                httpThreads.get(),
                fixture.cluster.apiCalls().size(),
                retained,
                callerAllocated
                        + engineAllocated.values().stream()
                                .mapToLong(Long::longValue)
                                .sum(),
                podBytes,
                managedFieldsBytes);
        System.out.printf(
                Locale.ROOT,
                "%d workers on the real control plane: launch+gate %d ms, close %d ms (+%d ms until the cluster"
                        + " removed every pod); threads: backend pool max %d, OkHttp max %d (all clients, the test"
                        + " kubelet's included); %d API calls by the run; heap retained at the gate %.1f MiB (whole"
                        + " JVM, test kubelet included), engine threads allocated %.1f MiB%n",
                workers,
                m.gateMillis(),
                m.cleanupMillis(),
                (gone - closed) / 1_000_000,
                m.backendThreads(),
                m.httpThreads(),
                m.apiCalls(),
                m.retainedHeapBytes() / 1048576.0,
                m.engineAllocatedBytes() / 1048576.0);
        assertThat(events.lines.stream().map(RecordingEvents.Line::source).distinct())
                .hasSizeLessThanOrEqualTo(1 + spec.kubernetes().maxFollowedWorkerLogs());
        return m;
    }

    private static void sampleThreads(AtomicInteger backend, AtomicInteger http, Map<Long, Long> engineAllocated) {
        List<Thread> threads = List.copyOf(Thread.getAllStackTraces().keySet());
        List<Thread> engine = threads.stream()
                .filter(t -> t.getName().startsWith("loadtest-k8s-"))
                .toList();
        backend.accumulateAndGet(engine.size(), Math::max);
        http.accumulateAndGet(
                (int) threads.stream()
                        .filter(t -> t.getName().startsWith("OkHttp"))
                        .count(),
                Math::max);
        for (Thread t : engine) {
            long bytes = THREADS.getThreadAllocatedBytes(t.getId());
            if (bytes > 0) {
                engineAllocated.merge(t.getId(), bytes, Math::max);
            }
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
