package io.jenkins.plugins.locust.reporter;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadRan;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.RunInfo;
import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.result.Timings;
import io.jenkins.plugins.locust.result.WorkerInfo;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Stage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the reporter's events (and the backend's warnings) into a {@link LoadTestResult}. Events arrive on the
 * backend's threads while the runner reads the state, so every method is synchronized.
 */
public final class ResultCollector {
    /** Above this CPU a worker's numbers include its own delays (Locust warns at the same level). */
    static final double CPU_WARNING_PERCENT = 90;

    private final LoadTestSpec spec;
    private final Clock clock;
    private final List<Snapshot> timeline = new ArrayList<>();
    private final Map<String, ReporterEvent.WorkerState> workers = new LinkedHashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private ReporterEvent.Hello hello;
    private ReporterEvent.Workers lastWorkers;
    private ReporterEvent.Abort abort;
    private ReporterEvent.Failure failure;
    private ReporterEvent.Final last;
    private Instant launched;
    private Instant gateOpened;
    private Instant rampedUp;
    private Instant stopped;

    public ResultCollector(LoadTestSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
    }

    public synchronized void launched() {
        launched = clock.instant();
    }

    /** When the run was launched, if that was earlier than now (a resumed run: its output is replayed). */
    public synchronized void launched(Instant when) {
        launched = when;
    }

    /** A warning from outside the reporter, e.g. a worker process that died (kept once, in order). */
    public synchronized void warn(String warning) {
        warnings.add(warning);
    }

    public synchronized void accept(ReporterEvent event) {
        if (event instanceof ReporterEvent.Hello h) {
            hello = h;
        } else if (event instanceof ReporterEvent.Workers w) {
            onWorkers(w);
        } else if (event instanceof ReporterEvent.Progress p) {
            onProgress(p);
        } else if (event instanceof ReporterEvent.Abort a) {
            abort = a;
            stopped = clock.instant();
        } else if (event instanceof ReporterEvent.Failure f) {
            failure = f;
        } else if (event instanceof ReporterEvent.Final f) {
            onFinal(f);
        }
    }

    private void onWorkers(ReporterEvent.Workers event) {
        lastWorkers = event;
        event.workers().forEach(w -> workers.put(w.id(), w));
        if (gateOpened == null && event.connected() >= spec.expectedWorkers()) {
            gateOpened = clock.instant();
        }
    }

    private void onProgress(ReporterEvent.Progress progress) {
        timeline.add(progress.snapshot());
        if (rampedUp == null && "running".equals(progress.state())) {
            rampedUp = clock.instant();
        }
    }

    private void onFinal(ReporterEvent.Final event) {
        if (last != null) {
            return;
        }
        last = event;
        event.workers().forEach(w -> workers.put(w.id(), w));
        if (stopped == null) {
            stopped = clock.instant();
        }
    }

    public synchronized int connectedWorkers() {
        return lastWorkers == null ? 0 : lastWorkers.connected();
    }

    public synchronized boolean gateOpen() {
        return gateOpened != null;
    }

    public synchronized boolean hasFinal() {
        return last != null;
    }

    /** The snapshots from the {@code from}-th on (0-based), for a listener that follows the time series. */
    public synchronized List<Snapshot> timelineFrom(int from) {
        return from >= timeline.size() ? List.of() : List.copyOf(timeline.subList(from, timeline.size()));
    }

    public synchronized Optional<Snapshot> latestSnapshot() {
        return timeline.isEmpty() ? Optional.empty() : Optional.of(timeline.get(timeline.size() - 1));
    }

    public synchronized Optional<ReporterEvent.Abort> abort() {
        return Optional.ofNullable(abort);
    }

    /**
     * Why the numbers cover less than the planned test although nobody asked to stop it: Locust stopped the test
     * itself when every worker missed its heartbeats. Empty for a complete run (or before the final event).
     */
    public synchronized Optional<String> incompleteReason() {
        if (last == null || !"workers_missing".equals(last.stopCause())) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "Locust stopped the test %s into the planned %s because every worker stopped sending heartbeats"
                        + " (workers starved of CPU, or their network to the master broke); the numbers cover"
                        + " only that part. Give workers more CPU (or fewer users each) and run again.",
                seconds(last.testSeconds()),
                seconds(spec.plannedDuration().toMillis() / 1000.0)));
    }

    /** Only a worker that stopped answering leaves its users unreplaced; one that quit hands them to the others. */
    private static String lostWarning(ReporterEvent.WorkerState w) {
        String when = w.lostAtSeconds() == null
                ? "during the test"
                : String.format(Locale.ROOT, "%.1f s into the test", w.lostAtSeconds());
        if (w.exitCode() != null) {
            return String.format(
                    Locale.ROOT,
                    "Locust worker %s exited with code %d %s%s.",
                    w.id(),
                    w.exitCode(),
                    when,
                    w.exitCause() == null ? "" : ": " + w.exitCause());
        }
        if ("missing".equals(w.state())) {
            return String.format(
                    Locale.ROOT,
                    "Locust worker %s stopped answering the master %s (no heartbeat); its users were not replaced,"
                            + " so the load was lower than planned from then on.",
                    w.id(),
                    when);
        }
        return String.format(Locale.ROOT, "Locust worker %s left the master %s.", w.id(), when);
    }

    private static String seconds(Double value) {
        return value == null ? "early" : String.format(Locale.ROOT, "%.0f s", value);
    }

    /** Why the reporter refused to run, if it did. */
    public synchronized Optional<String> failure() {
        return Optional.ofNullable(failure).map(ReporterEvent.Failure::message);
    }

    public synchronized Optional<String> locustVersion() {
        return Optional.ofNullable(hello).map(ReporterEvent.Hello::locustVersion);
    }

    /**
     * The result of the run; requires the final event ({@link #hasFinal()}).
     *
     * @param exitCode the master's exit code, or null when it is unknown
     */
    public synchronized LoadTestResult result(String runId, String backend, Integer exitCode) {
        if (last == null) {
            throw new IllegalStateException("no final event from the reporter yet");
        }
        List<WorkerInfo> workerInfos = workers.values().stream()
                .map(w -> new WorkerInfo(
                        w.id(),
                        w.state(),
                        w.users(),
                        measuredCpu(w),
                        w.lost(),
                        w.lostAtSeconds(),
                        w.exitCode(),
                        w.exitCause()))
                .toList();
        RunInfo run = new RunInfo(
                runId,
                backend,
                locustVersion().orElse(null),
                spec.host(),
                spec.hasOwnLoadShape()
                        ? timeline.stream().mapToInt(Snapshot::users).max().orElse(0)
                        : plannedUsers(spec),
                spec.expectedWorkers(),
                spec.hasOwnLoadShape() && last.testSeconds() != null
                        ? last.testSeconds()
                        : spec.plannedDuration().toMillis() / 1000.0,
                abort == null ? null : abort.reason(),
                exitCode != null ? exitCode : last.exitCode(),
                spec.loadShape());
        List<EndpointStats> endpoints = last.endpoints().stream()
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .toList();
        return new LoadTestResult(
                LoadTestResult.SCHEMA_VERSION,
                run,
                last.total(),
                endpoints,
                timeline,
                last.errors(),
                last.exceptions(),
                workerInfos,
                new Timings(launched, gateOpened, rampedUp, stopped),
                allWarnings(),
                loadRan());
    }

    /** What Locust really ran, for the guard rails. */
    private LoadRan loadRan() {
        boolean stages = !spec.stages().isEmpty();
        return new LoadRan(
                hello == null || stages ? null : hello.users(),
                hello == null || stages ? null : hello.runTimeSeconds(),
                hello == null ? null : hello.host(),
                hello == null ? null : hello.shape(),
                shapePlanned(spec),
                timeline.stream().mapToInt(Snapshot::users).max().orElse(0),
                last.testSeconds(),
                last.stopCause(),
                last.tasks());
    }

    /**
     * Whether the plan is the locustfile's own LoadTestShape (the spec gave no users, run time or stages): the load
     * guard rail then accepts the shape's users and duration. The hook for spec validation to say so.
     */
    static boolean shapePlanned(LoadTestSpec spec) {
        return spec.hasOwnLoadShape();
    }

    /** The most users the run reaches: the users, or the largest stage. */
    public static int plannedUsers(LoadTestSpec spec) {
        return spec.stages().stream().mapToInt(Stage::users).max().orElse(spec.users());
    }

    /** Locust's first CPU sample is always 0: a maximum of 0 means no real sample was taken. */
    private static Double measuredCpu(ReporterEvent.WorkerState worker) {
        Double max = worker.maxCpuPercent();
        return max == null || max <= 0 ? null : max;
    }

    private List<String> allWarnings() {
        List<String> all = new ArrayList<>();
        for (ReporterEvent.WorkerState w : workers.values()) {
            if (w.lost()) {
                all.add(lostWarning(w));
            }
            Double cpu = measuredCpu(w);
            if (cpu != null && cpu > CPU_WARNING_PERCENT) {
                all.add(String.format(
                        Locale.ROOT,
                        "Locust worker %s reached %.0f %% CPU: its response times include its own delays. Add"
                                + " workers (slaves) or use FastHttpUser.",
                        w.id(),
                        cpu));
            }
        }
        incompleteReason().ifPresent(all::add);
        if ("shape_limit".equals(last.stopCause())) {
            all.add(String.format(
                    Locale.ROOT,
                    "The locustfile's load shape %s had not ended after the run time of %s, so the test was stopped"
                            + " there: raise runTime to let the shape run to its end.",
                    spec.loadShape(),
                    seconds(spec.runTime().toMillis() / 1000.0)));
        }
        all.addAll(warnings);
        return all;
    }
}
