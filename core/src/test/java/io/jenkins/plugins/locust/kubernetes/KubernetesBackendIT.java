package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubernetesBackendIT {
    private KubernetesFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new KubernetesFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void shouldRunMasterAndWorkersAsJobsStreamTheirLogsAndLeaveNothingBehind() throws Exception {
        // given
        LoadTestSpec spec = fixture.spec().build();
        Map<String, byte[]> files = fixture.files();
        RecordingEvents events = new RecordingEvents();

        // when
        int exit;
        long t0 = System.nanoTime();
        long started;
        long ended;
        try (RunHandle run = fixture.backend().start(new RunRequest("it-full", spec, files), events)) {
            started = System.nanoTime();
            exit = run.masterExit().get(60, TimeUnit.SECONDS);
            ended = System.nanoTime();
        }
        System.out.printf(
                "start %d ms, run %d ms, cleanup %d ms%n",
                (started - t0) / 1_000_000, (ended - started) / 1_000_000, (System.nanoTime() - ended) / 1_000_000);

        // then
        assertThat(exit).as("Locust's exit code: the target's /flaky fails").isEqualTo(1);
        assertThat(events.faults).isEmpty();
        assertThat(events.linesOf("master")).anyMatch(l -> l.contains("Shutting down (exit code 1)"));
        assertThat(events.linesOf("worker-1")).isNotEmpty();
        assertThat(fixture.target.totalRequests()).isGreaterThan(50);
        assertThat(fixture.clean("it-full")).isTrue();
    }
}
