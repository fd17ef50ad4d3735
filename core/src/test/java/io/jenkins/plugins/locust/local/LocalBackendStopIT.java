package io.jenkins.plugins.locust.local;

import static io.jenkins.plugins.locust.local.LocalRunFixture.assertNoLocustProcessLeft;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.reporter.ReporterEvent;
import io.jenkins.plugins.locust.reporter.ReporterEvents;
import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.run.RunFiles;
import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend on its own: stop() (SIGTERM to the master) still yields exactly one final event. */
class LocalBackendStopIT {
    @TempDir
    Path dir;

    private final List<ReporterEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> faults = new CopyOnWriteArrayList<>();

    private final BackendEvents collect = new BackendEvents() {
        @Override
        public void line(String source, String text) {
            System.out.println("[" + source + "] " + text);
            ReporterEvents.parse(text).ifPresent(events::add);
        }

        @Override
        public void fault(String message, boolean fatal) {
            faults.add(message);
        }
    };

    @Test
    void shouldEmitTheFinalEventExactlyOnceWhenTheMasterIsStopped() throws Exception {
        // given
        LocustInstallation venv = LocustInstallation.forTests();
        try (TestTarget target = TestTarget.start()) {
            LoadTestSpec spec = LoadTestSpec.builder()
                    .script(TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS)
                            .toString())
                    .users(4)
                    .slaves(1)
                    .runTime("60s")
                    .host(target.url())
                    .build();
            RunHandle handle =
                    new LocalBackend(venv).start(new RunRequest("lt-stop", spec, RunFiles.of(spec)), collect);
            try {
                LocalRunFixture.await("a snapshot with requests", Duration.ofSeconds(60), () -> events.stream()
                        .anyMatch(e -> e instanceof ReporterEvent.Progress p
                                && p.snapshot().totalRequests() > 0));

                // when
                handle.stop();
                int exit = handle.masterExit().get(30, TimeUnit.SECONDS);

                // then
                assertThat(faults).isEmpty();
                assertThat(exit).isZero();
                List<ReporterEvent.Final> finals = events.stream()
                        .filter(ReporterEvent.Final.class::isInstance)
                        .map(ReporterEvent.Final.class::cast)
                        .toList();
                assertThat(finals).hasSize(1);
                assertThat(finals.get(0).total().requests()).isPositive();
                assertThat(Optional.of(
                                target.totalRequests() - finals.get(0).total().requests()))
                        .hasValueSatisfying(inFlight -> assertThat(inFlight).isBetween(0L, 4L));
            } finally {
                handle.close();
            }
        }
        assertNoLocustProcessLeft();
    }
}
