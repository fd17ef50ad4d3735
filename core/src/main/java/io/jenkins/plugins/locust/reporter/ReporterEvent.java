package io.jenkins.plugins.locust.reporter;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.ExceptionEntry;
import io.jenkins.plugins.locust.result.FailureEntry;
import io.jenkins.plugins.locust.result.Snapshot;
import java.time.Instant;
import java.util.List;

/** One line of the reporter's protocol (see {@code locust_loadtest_reporter.py}), typed. */
public sealed interface ReporterEvent {

    /** Printed once when the master has loaded the locustfiles: what Locust runs with. */
    record Hello(
            String protocol,
            String locustVersion,
            Integer users,
            Double spawnRate,
            Double runTimeSeconds,
            Integer expectedWorkers,
            String host)
            implements ReporterEvent {}

    /** The workers as the master sees them: on every change and with every snapshot. */
    record Workers(int connected, Integer expected, List<WorkerState> workers) implements ReporterEvent {
        public Workers {
            workers = List.copyOf(workers);
        }
    }

    /**
     * One worker in a {@link Workers} event.
     *
     * @param lostAtSeconds seconds into the test when it went missing or quit mid-run, or null
     */
    record WorkerState(
            String id,
            String state,
            int users,
            double cpuPercent,
            double maxCpuPercent,
            boolean lost,
            Double lostAtSeconds) {}

    /** The live numbers every 2 s while users run. {@code state} is Locust's runner state (spawning, running). */
    record Progress(Snapshot snapshot, String state) implements ReporterEvent {}

    /** The reporter stopped the run because an abort threshold was breached for several snapshots in a row. */
    record Abort(double elapsedSeconds, String expression, String metric, double actual, double limit, String reason)
            implements ReporterEvent {}

    /** The reporter refused to run (e.g. stages and the locustfile's own load shape); Locust exits next. */
    record Failure(String message) implements ReporterEvent {}

    /**
     * Everything Locust counted, printed once when the master quits (normal end, abort or SIGTERM).
     *
     * @param testSeconds seconds from test start to test stop (null if it never stopped before quitting)
     * @param stopCause why the test stopped before quitting: {@code abort}, {@code workers_missing} (Locust stopped
     *     it because every worker missed its heartbeats), or null
     */
    record Final(
            Integer exitCode,
            boolean aborted,
            Double testSeconds,
            String stopCause,
            Instant started,
            Instant stopped,
            EndpointStats total,
            List<EndpointStats> endpoints,
            List<FailureEntry> errors,
            List<ExceptionEntry> exceptions,
            List<WorkerState> workers)
            implements ReporterEvent {
        public Final {
            endpoints = List.copyOf(endpoints);
            errors = List.copyOf(errors);
            exceptions = List.copyOf(exceptions);
            workers = List.copyOf(workers);
        }
    }
}
