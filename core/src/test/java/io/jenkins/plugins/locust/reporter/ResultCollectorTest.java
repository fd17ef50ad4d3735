package io.jenkins.plugins.locust.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.result.LoadRan;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.WorkerInfo;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCollectorTest {
    @TempDir
    Path dir;

    private LoadTestSpec spec(int slaves) throws IOException {
        Path script = TestLocustfiles.write(dir, TestLocustfiles.TARGET_USERS);
        return LoadTestSpec.builder()
                .script(script.toString())
                .users(4)
                .slaves(slaves)
                .runTime("10s")
                .host("http://127.0.0.1:8080")
                .build();
    }

    private static ReporterEvent.WorkerState worker(String id, String state, boolean lost, double cpu) {
        return new ReporterEvent.WorkerState(id, state, 2, cpu, cpu, lost, lost ? 6.5 : null);
    }

    @Test
    void shouldBuildTheResultFromARecordedRun() throws IOException {
        // given
        ResultCollector collector = new ResultCollector(spec(2), Clock.systemUTC());
        collector.launched();

        // when
        ReporterEventsTest.recordedRun().forEach(collector::accept);
        LoadTestResult result = collector.result("lt-1", "local", 0);

        // then
        assertThat(collector.gateOpen()).isTrue();
        assertThat(result.schemaVersion()).isEqualTo(LoadTestResult.SCHEMA_VERSION);
        assertThat(result.run().locustVersion()).isEqualTo("2.47.0");
        assertThat(result.run().backend()).isEqualTo("local");
        assertThat(result.run().expectedWorkers()).isEqualTo(2);
        assertThat(result.run().runTimeSeconds()).isEqualTo(10.0);
        assertThat(result.run().abortReason()).isNull();
        assertThat(result.aggregated().requests()).isEqualTo(296);
        assertThat(result.endpoint("/nope"))
                .hasValueSatisfying(e -> assertThat(e.failRatio()).isEqualTo(1.0));
        assertThat(result.timeline()).hasSize(4);
        assertThat(result.workers()).hasSize(2).noneMatch(WorkerInfo::lost);
        assertThat(result.timings().launched()).isNotNull();
        assertThat(result.timings().gateOpened()).isNotNull();
        assertThat(result.timings().rampedUp()).isNotNull();
        assertThat(result.timings().stopped()).isNotNull();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void shouldCallARunIncompleteWhenLocustStoppedItForMissingWorkers() throws IOException {
        // given
        ResultCollector complete = new ResultCollector(spec(2), Clock.systemUTC());
        ResultCollector stopped = new ResultCollector(spec(2), Clock.systemUTC());
        List<ReporterEvent> run = ReporterEventsTest.recordedRun();
        ReporterEvent.Final recorded = run.stream()
                .filter(ReporterEvent.Final.class::isInstance)
                .map(ReporterEvent.Final.class::cast)
                .findFirst()
                .orElseThrow();
        ReporterEvent.Final missing = new ReporterEvent.Final(
                recorded.exitCode(),
                false,
                4.2,
                "workers_missing",
                recorded.started(),
                recorded.stopped(),
                recorded.total(),
                recorded.endpoints(),
                recorded.errors(),
                recorded.exceptions(),
                recorded.workers(),
                recorded.tasks());

        // when
        run.forEach(complete::accept);
        run.stream().filter(e -> !(e instanceof ReporterEvent.Final)).forEach(stopped::accept);
        stopped.accept(missing);

        // then
        assertThat(recorded.stopCause()).isNull();
        assertThat(complete.incompleteReason()).isEmpty();
        assertThat(stopped.incompleteReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("4 s into the planned 10 s")
                .contains("every worker stopped sending heartbeats"));
        assertThat(stopped.result("lt-1", "local", 0).warnings())
                .contains(stopped.incompleteReason().orElseThrow());
    }

    @Test
    void shouldNameALostWorkerAndAHotWorkerInTheWarnings() throws IOException {
        // given
        ResultCollector collector = new ResultCollector(spec(2), Clock.systemUTC());
        collector.accept(new ReporterEvent.Workers(
                2, 2, List.of(worker("vm_aaa", "running", false, 10), worker("vm_bbb", "running", false, 10))));
        collector.accept(new ReporterEvent.Workers(
                1, 2, List.of(worker("vm_aaa", "running", false, 95), worker("vm_bbb", "missing", true, 10))));

        // when
        collector.accept(ReporterEventsTest.recordedRun().stream()
                .filter(ReporterEvent.Final.class::isInstance)
                .findFirst()
                .orElseThrow());
        collector.warn("worker-2 (pid 42) ended with exit code 137 during the run; its users were not replaced.");
        LoadTestResult result = collector.result("lt-1", "local", null);

        // then the final event's worker list (no one lost there) does not hide what was seen during the run
        assertThat(result.warnings())
                .anySatisfy(w -> assertThat(w)
                        .contains("vm_bbb")
                        .contains("stopped answering")
                        .contains("6.5 s")
                        .contains("its users were not replaced"))
                .anySatisfy(w -> assertThat(w).contains("vm_aaa").contains("95 % CPU"))
                .anySatisfy(w -> assertThat(w).contains("worker-2"));
        assertThat(result.run().locustExitCode()).isZero();
    }

    @Test
    void shouldRecordTheLoadLocustRanAndWhatEndedItsWorkers() throws IOException {
        // given: what the reporter says about a run whose workers called sys.exit(3) 1.2 s in
        ResultCollector collector = new ResultCollector(spec(2), Clock.systemUTC());
        String exited = "\"state\":\"running\",\"users\":2,\"cpu\":0.0,\"max_cpu\":%s,\"lost\":true,"
                + "\"lost_at\":1.2,\"exit_code\":3,\"exit_cause\":\"SystemExit(3) raised in task U.t\"";
        List.of(
                        "##loadtest:v1 {\"event\":\"hello\",\"locust_version\":\"2.47.0\",\"users\":7,"
                                + "\"run_time\":10.0,\"host\":\"http://127.0.0.1:9\",\"shape\":null}",
                        "##loadtest:v1 {\"event\":\"snapshot\",\"elapsed\":1.0,\"state\":\"running\",\"users\":7}",
                        "##loadtest:v1 {\"event\":\"final\",\"exit_code\":0,\"test_seconds\":1.3,"
                                + "\"stop_cause\":\"workers_gone\",\"tasks\":9,\"total\":{\"num_requests\":9},"
                                + "\"workers\":[{\"id\":\"w1\"," + exited.formatted("null") + "},"
                                + "{\"id\":\"w2\"," + exited.formatted("0.0") + "}]}")
                .forEach(line -> collector.accept(ReporterEvents.parse(line).orElseThrow()));

        // when
        LoadTestResult result = collector.result("lt-1", "local", 0);

        // then
        assertThat(result.load())
                .isEqualTo(new LoadRan(7, 10.0, "http://127.0.0.1:9", null, false, 7, 1.3, "workers_gone", 9L));
        assertThat(result.workers()).allSatisfy(w -> {
            assertThat(w.exitCode()).isEqualTo(3);
            assertThat(w.exitCause()).isEqualTo("SystemExit(3) raised in task U.t");
            assertThat(w.lostAtSeconds()).isEqualTo(1.2);
            assertThat(w.maxCpuPercent())
                    .as("Locust's first sample (0) is no measurement")
                    .isNull();
        });
        assertThat(result.warnings())
                .contains("Locust worker w1 exited with code 3 1.2 s into the test: SystemExit(3)"
                        + " raised in task U.t.");
    }

    @Test
    void shouldKeepTheAbortReason() throws IOException {
        // given
        ResultCollector collector = new ResultCollector(spec(1), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        // when
        collector.accept(new ReporterEvent.Abort(6, "fail_ratio < 1% abort", "fail_ratio", 0.5, 0.01, "breached"));

        // then
        assertThat(collector.abort())
                .hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo("breached"));
        assertThatThrownBy(() -> collector.result("lt-1", "local", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("final");
    }

    @Test
    void shouldOpenTheGateOnlyWhenAllExpectedWorkersConnected() throws IOException {
        // given
        ResultCollector collector = new ResultCollector(spec(2), Clock.systemUTC());

        // when
        collector.accept(new ReporterEvent.Workers(1, 2, List.of(worker("vm_a", "ready", false, 0))));

        // then
        assertThat(collector.gateOpen()).isFalse();
        assertThat(collector.connectedWorkers()).isEqualTo(1);
        collector.accept(new ReporterEvent.Workers(
                2, 2, List.of(worker("vm_a", "ready", false, 0), worker("vm_b", "ready", false, 0))));
        assertThat(collector.gateOpen()).isTrue();
    }
}
