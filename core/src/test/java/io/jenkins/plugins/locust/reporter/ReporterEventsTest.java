package io.jenkins.plugins.locust.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.locust.result.EndpointStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReporterEventsTest {

    static List<ReporterEvent> recordedRun() throws IOException {
        try (InputStream in = ReporterEventsTest.class.getResourceAsStream("reporter-2.47.0.out")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(ReporterEvents::parse)
                    .flatMap(Optional::stream)
                    .toList();
        }
    }

    @Test
    void shouldIgnoreOrdinaryLocustOutput() {
        assertThat(ReporterEvents.parse("[2026-11-29 15:52:01,123] vm/INFO/locust.main: Starting Locust 2.47.0"))
                .isEmpty();
        assertThat(ReporterEvents.parse("##loadtest:vX {}")).isEmpty();
        assertThat(ReporterEvents.parse("")).isEmpty();
    }

    @Test
    void shouldReadEveryEventOfARecordedRun() throws IOException {
        // given the stdout of a real 2-worker run on Locust 2.47.0
        List<ReporterEvent> events = recordedRun();

        // then
        assertThat(events.get(0)).isInstanceOfSatisfying(ReporterEvent.Hello.class, hello -> {
            assertThat(hello.locustVersion()).isEqualTo("2.47.0");
            assertThat(hello.protocol()).isEqualTo("1.0");
            assertThat(hello.expectedWorkers()).isEqualTo(2);
            assertThat(hello.users()).isEqualTo(4);
        });
        assertThat(events).filteredOn(ReporterEvent.Workers.class::isInstance).isNotEmpty();
        assertThat(events).filteredOn(ReporterEvent.Progress.class::isInstance).hasSize(4);
        assertThat(events.get(events.size() - 1)).isInstanceOf(ReporterEvent.Final.class);
    }

    @Test
    void shouldReadTheFinalCountersAndHistogram() throws IOException {
        // given
        ReporterEvent.Final last =
                (ReporterEvent.Final) recordedRun().get(recordedRun().size() - 1);

        // then
        EndpointStats total = last.total();
        assertThat(total.name()).isEqualTo(EndpointStats.AGGREGATED);
        assertThat(total.requests()).isEqualTo(296);
        assertThat(total.failures()).isEqualTo(153);
        assertThat(total.histogram().total()).isEqualTo(296);
        assertThat(total.percentiles().p50()).isEqualTo(5);
        assertThat(last.endpoints()).extracting(EndpointStats::key).containsExactly("GET /", "GET /nope");
        assertThat(last.errors()).singleElement().satisfies(error -> {
            assertThat(error.name()).isEqualTo("/nope");
            assertThat(error.occurrences()).isEqualTo(153);
        });
        assertThat(last.workers()).hasSize(2).noneMatch(ReporterEvent.WorkerState::lost);
        assertThat(last.exitCode()).isZero();
        assertThat(last.started()).isBefore(last.stopped());
    }

    @Test
    void shouldFindTheReporterLineBehindALogPrefix() {
        // Kubernetes log lines may carry a timestamp prefix
        Optional<ReporterEvent> event =
                ReporterEvents.parse("2026-11-29T15:52:01Z ##loadtest:v1 {\"event\":\"error\",\"message\":\"no\"}");

        assertThat(event).contains(new ReporterEvent.Failure("no"));
    }

    @Test
    void shouldSkipUnknownEventsOfTheSameMajorVersion() {
        assertThat(ReporterEvents.parse("##loadtest:v1 {\"event\":\"from-the-future\"}"))
                .isEmpty();
    }

    @Test
    void shouldRejectAnotherMajorVersionWithAClearMessage() {
        assertThatThrownBy(() -> ReporterEvents.parse("##loadtest:v2 {\"event\":\"hello\"}"))
                .isInstanceOf(UnsupportedReporterProtocolException.class)
                .hasMessageContaining("protocol v2")
                .hasMessageContaining("reads v1");
    }

    @Test
    void shouldRejectAGarbledLine() {
        assertThatThrownBy(() -> ReporterEvents.parse("##loadtest:v1 {\"event\":\"fin"))
                .isInstanceOf(UnsupportedReporterProtocolException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void shouldReadAnAbort() {
        Optional<ReporterEvent> event = ReporterEvents.parse("##loadtest:v1 {\"event\":\"abort\",\"elapsed\":6.0,"
                + "\"expression\":\"fail_ratio < 1% abort\",\"metric\":\"fail_ratio\",\"endpoint\":null,"
                + "\"actual\":0.5,\"limit\":0.01,\"reason\":\"because\"}");

        assertThat(event)
                .contains(new ReporterEvent.Abort(6.0, "fail_ratio < 1% abort", "fail_ratio", 0.5, 0.01, "because"));
    }
}
