package io.jenkins.plugins.locust.reporter;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.ExceptionEntry;
import io.jenkins.plugins.locust.result.FailureEntry;
import io.jenkins.plugins.locust.result.Snapshot;
import java.time.Instant;
import java.util.List;

/** One line of the reporter's protocol (see {@code locust_loadtest_reporter.py}), typed. */
public sealed interface ReporterEvent {

    /**
     * Printed once when the master has loaded the locustfiles: what Locust runs with.
     *
     * @param shape the locustfile's own LoadTestShape class that drives the load, or null
     */
    record Hello(
            String protocol,
            String locustVersion,
            Integer users,
            Double spawnRate,
            Double runTimeSeconds,
            Integer expectedWorkers,
            String host,
            String shape)
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
     * @param maxCpuPercent the highest CPU sample, or null before the first real sample (Locust's first is 0)
     * @param lostAtSeconds seconds into the test when it went missing or quit mid-run, or null
     * @param exitCode the exit code the worker announced as it ended (e.g. sys.exit in a task), or null
     * @param exitCause what ended it, e.g. {@code SystemExit(3) raised in task ExitingUser.fast}, or null
     */
    record WorkerState(
            String id,
            String state,
            int users,
            double cpuPercent,
            Double maxCpuPercent,
            boolean lost,
            Double lostAtSeconds,
            Integer exitCode,
            String exitCause) {

        public WorkerState(
                String id,
                String state,
                int users,
                double cpuPercent,
                Double maxCpuPercent,
                boolean lost,
                Double lostAtSeconds) {
            this(id, state, users, cpuPercent, maxCpuPercent, lost, lostAtSeconds, null, null);
        }
    }

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
     *     it because every worker missed its heartbeats), {@code workers_gone} (every worker left), or null
     * @param tasks task iterations the workers executed, or null when the reporter did not count them
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
            List<WorkerState> workers,
            Long tasks)
            implements ReporterEvent {
        public Final {
            endpoints = List.copyOf(endpoints);
            errors = List.copyOf(errors);
            exceptions = List.copyOf(exceptions);
            workers = List.copyOf(workers);
        }
    }
}
