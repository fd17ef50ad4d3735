package io.jenkins.plugins.locust.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Runs a load test on the local backend in the background and lets the test watch and poke its processes. */
final class LocalRunFixture implements AutoCloseable {
    final List<String> console = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final LocustInstallation locust;

    LocalRunFixture(LocustInstallation locust) {
        this.locust = locust;
    }

    Future<RunOutcome> start(LoadTestSpec spec, Path outDir) {
        LoadTestRunner runner = new LoadTestRunner(new LocalBackend(locust), this::println);
        return executor.submit(() -> runner.run(spec, outDir, Optional.empty()));
    }

    /** Keeps the line for assertions and shows it, timed, in the test's output. */
    private void println(String line) {
        System.out.println(LocalTime.now() + " " + line);
        console.add(line);
    }

    RunOutcome run(LoadTestSpec spec, Path outDir) throws Exception {
        return start(spec, outDir).get();
    }

    /** The Locust processes this JVM started (master, workers and their forks) that are still alive. */
    static List<ProcessHandle> locustProcesses() {
        try (Stream<ProcessHandle> all = ProcessHandle.current().descendants()) {
            return all.filter(ProcessHandle::isAlive)
                    // "-m locust": the test control plane's binaries live under ~/.cache/locust-load-test/ too
                    .filter(p -> p.info().commandLine().orElse("").contains(" -m locust"))
                    .toList();
        }
    }

    static ProcessHandle locustProcess(String role) {
        return locustProcesses().stream()
                .filter(p -> p.info().commandLine().orElse("").contains(role))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no running Locust process with " + role));
    }

    /** Sends a signal (e.g. STOP or CONT, to starve or revive them) to every running Locust worker process. */
    static void signalWorkers(String signal) throws IOException, InterruptedException {
        List<ProcessHandle> workers = locustProcesses().stream()
                .filter(p -> p.info().commandLine().orElse("").contains("--worker"))
                .toList();
        for (ProcessHandle worker : workers) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(worker.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    void awaitConsole(String text, Duration timeout) throws InterruptedException {
        await("console line containing '" + text + "'", timeout, () -> console.stream()
                .anyMatch(line -> line.contains(text)));
    }

    static void assertNoLocustProcessLeft() throws InterruptedException {
        await("all Locust processes to end", Duration.ofSeconds(5), () -> locustProcesses()
                .isEmpty());
        assertThat(locustProcesses()).isEmpty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        locustProcesses().forEach(ProcessHandle::destroyForcibly);
    }
}
