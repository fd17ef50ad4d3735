package io.jenkins.plugins.locust.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunFiles;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fix file's parent watch on the oldest and newest Locust: a Locust process started by the local backend exits
 * as soon as the pipe on its stdin closes (what the kernel does when our JVM is SIGKILLed), also the children that
 * {@code --processes} forks; without the backend's variable (a Kubernetes pod) it ignores stdin.
 */
class ParentWatchIT {
    @TempDir
    Path dir;

    static Stream<String> pythons() {
        return Stream.of(
                System.getProperty(LocustInstallation.VENV_PROPERTY, ".venv") + "/bin/python", "/usr/bin/python3");
    }

    private record Ended(int exitCode, String output) {}

    /** Imports the fix with stdin at end of file, then would print "alive" after a second. */
    private Ended importFix(String python, boolean watch) throws Exception {
        LocustInstallation locust = LocustInstallation.probe(Path.of(python));
        assumeTrue(locust.available(), "no Locust at " + python + " (" + locust.problem() + ")");
        Files.write(dir.resolve(RunFiles.FIX), RunFiles.resource(RunFiles.FIX));
        ProcessBuilder builder = new ProcessBuilder(
                        python, "-c", "import locust_loadtest_fix, time; time.sleep(1); print('alive')")
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().remove(LocalBackend.PARENT_WATCH_ENV);
        if (watch) {
            builder.environment().put(LocalBackend.PARENT_WATCH_ENV, "stdin");
        }
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ended(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void shouldExitAtEndOfFileOnStdinWhenStartedByTheLocalBackend(String python) throws Exception {
        // when
        Ended ended = importFix(python, true);

        // then
        assertThat(ended.exitCode()).isEqualTo(1);
        assertThat(ended.output())
                .contains("the load test tool that started this process is gone; exiting")
                .doesNotContain("alive");
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void shouldIgnoreStdinInAPod(String python) throws Exception {
        // when
        Ended ended = importFix(python, false);

        // then
        assertThat(ended.exitCode()).isZero();
        assertThat(ended.output()).contains("alive");
    }

    @Test
    void shouldEndMasterWorkersAndForkedWorkersOnceTheirStdinCloses() throws Exception {
        // given a running test with 2 workers × 2 processes (Locust 2.47 forks the second process of each)
        LocustInstallation venv = LocustInstallation.forTests();
        List<String> output = new CopyOnWriteArrayList<>();
        BackendEvents events = new BackendEvents() {
            @Override
            public void line(String source, String text) {
                System.out.println("[" + source + "] " + text);
                output.add(source + ": " + text);
            }

            @Override
            public void fault(String message, boolean fatal) {
                System.out.println("fault: " + message);
                output.add("fault: " + message);
            }
        };
        try (TestTarget target = TestTarget.start()) {
            LoadTestSpec spec = LoadTestSpec.builder()
                    .script(TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS)
                            .toString())
                    .users(4)
                    .slaves(2)
                    .processes(2)
                    .runTime("60s")
                    .host(target.url())
                    .build();
            LocalRunHandle handle = (LocalRunHandle)
                    new LocalBackend(venv).start(new RunRequest("lt-watch", spec, RunFiles.of(spec)), events);
            try {
                LocalRunFixture.await(
                        "requests at the target", Duration.ofSeconds(60), () -> target.totalRequests() > 0);
                List<ProcessHandle> all = LocalRunFixture.locustProcesses();
                assertThat(all)
                        .as("master, 2 workers and the 4 processes they forked")
                        .hasSize(7);

                // when the pipes close as they do when this JVM dies
                handle.processes().forEach(ManagedProcess::closeStdin);

                // then
                LocalRunFixture.await("every Locust process to exit", Duration.ofSeconds(10), () -> all.stream()
                        .noneMatch(ProcessHandle::isAlive));
                long served = target.totalRequests();
                LocalRunFixture.await(
                        "the master's exit to be seen", Duration.ofSeconds(10), handle.masterExit()::isDone);
                assertThat(target.totalRequests()).isEqualTo(served);
                assertThat(output).anyMatch(line -> line.contains("is gone; exiting"));
            } finally {
                handle.close();
            }
        }
        LocalRunFixture.assertNoLocustProcessLeft();
    }
}
