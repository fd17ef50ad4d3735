package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.reporter.ReporterEvent;
import io.jenkins.plugins.locust.reporter.ResultCollector;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.Snapshot;
import io.jenkins.plugins.locust.spec.DurationParser;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Carries out one load test on a {@link Backend}: checks the thresholds, starts master and workers, waits for all
 * workers (the start gate), prints a progress line every 10 s, waits for the master to end, builds the result from
 * the reporter's events, evaluates the thresholds and writes the reports. The backend is closed on every path.
 */
public final class LoadTestRunner {
    static final Duration POLL = Duration.ofMillis(200);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** Beyond run time + stop timeout, how long the master may take to stop before we stop it. */
    static final Duration END_MARGIN = Duration.ofSeconds(60);
    /** After a SIGTERM, how long the master may take to print its final numbers. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** On resume, the least time the replayed output gets before a deadline counts. */
    static final Duration RESUME_GRACE = Duration.ofSeconds(30);

    private final Backend backend;
    private final RunListener listener;
    private final RunEvaluation evaluation;
    private final Clock clock;
    private volatile Tracking tracking;

    public LoadTestRunner(Backend backend, RunListener listener) {
        this(backend, listener, new ThresholdEvaluation(), Clock.systemUTC());
    }

    LoadTestRunner(Backend backend, RunListener listener, RunEvaluation evaluation, Clock clock) {
        this.backend = backend;
        this.listener = listener;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    /** Runs with a fresh run id ({@link RunIds#create(String)}). */
    public RunOutcome run(LoadTestSpec spec, Path outDir, Optional<LoadTestResult> baseline)
            throws LoadTestException, InterruptedException {
        return run(RunIds.create(RunIds.DEFAULT_NAME), spec, outDir, baseline);
    }

    /**
     * @param runId a DNS-1123 label naming the run (and its Kubernetes objects): {@link RunIds#create}
     * @throws io.jenkins.plugins.locust.spec.InvalidSpecException when a threshold does not parse (nothing launched)
     * @throws LoadTestException when the run could not be carried out; the message says why and what to do
     */
    public RunOutcome run(String runId, LoadTestSpec spec, Path outDir, Optional<LoadTestResult> baseline)
            throws LoadTestException, InterruptedException {
        evaluation.checkThresholds(spec.thresholds());
        backend.check(spec);
        Map<String, byte[]> files = RunFiles.of(spec, evaluation.abortRules(spec.thresholds()));
        ResultCollector collector = new ResultCollector(spec, clock);
        RunConsole console = new RunConsole(listener, collector);
        return tracked(runId, spec, collector, () -> {
            console.say(describe(spec));
            spec.warnings().forEach(warning -> console.say("Warning: " + warning));
            Instant launched = clock.instant();
            collector.launched(launched);
            RunHandle handle = backend.start(new RunRequest(runId, spec, files, outDir), console);
            Deadlines deadlines = Deadlines.started(clock.instant(), spec);
            try {
                listener.started(resumeState(runId, spec, handle, launched));
            } catch (RuntimeException e) {
                handle.close();
                throw e;
            }
            return carryOut(runId, spec, outDir, baseline, handle, collector, console, deadlines);
        });
    }

    /**
     * Carries on a run that an earlier process started and lost ({@link RunListener#started} gave its state): takes
     * it over through {@link Backend#attach}, rebuilds the result from the master's output replayed from its start,
     * keeps following it, and ends with the same verdict, reports and outcome as if the run had never been
     * interrupted. The backend is closed on every path, as for {@link #run}.
     *
     * @param state what {@link RunListener#started} gave when the run was started
     * @param spec the spec the run was started with
     * @throws LoadTestException when the run cannot be taken over (its pods are gone: then what was left of it has
     *     been removed; or the backend cannot re-attach) or could not be carried out; the message says why
     */
    public RunOutcome resume(ResumeState state, LoadTestSpec spec, Path outDir, Optional<LoadTestResult> baseline)
            throws LoadTestException, InterruptedException {
        evaluation.checkThresholds(spec.thresholds());
        ResultCollector collector = new ResultCollector(spec, clock);
        RunConsole console = new RunConsole(listener, collector);
        return tracked(state.runId(), spec, collector, () -> {
            console.say("Resuming " + state + ": following its master and workers again; its output so far is"
                    + " replayed into the result, not printed.");
            collector.launched(state.started());
            RunHandle handle = backend.attach(state.runId(), state.namespace(), spec, console);
            Deadlines deadlines = Deadlines.resumed(clock.instant(), state);
            return carryOut(state.runId(), spec, outDir, baseline, handle, collector, console, deadlines);
        });
    }

    /** What {@link RunListener#started} gets: the facts {@link #resume} needs, and nothing secret. */
    private ResumeState resumeState(String runId, LoadTestSpec spec, RunHandle handle, Instant launched) {
        Instant gate = launched.plus(spec.startTimeout());
        Instant end = gate.plus(spec.plannedDuration()).plus(spec.stopTimeout()).plus(END_MARGIN);
        return new ResumeState(null, backend.name(), handle.namespace(), runId, launched, gate, end);
    }

    /** The phase and progress of the run this runner carries out now (or carried out last). Thread-safe. */
    public RunStatus status() {
        Tracking now = tracking;
        if (now == null) {
            return new RunStatus(RunPhase.NOT_STARTED, null, "");
        }
        String progress =
                switch (now.phase) {
                    case WAITING_FOR_WORKERS ->
                        now.collector.connectedWorkers() + " of " + now.spec.expectedWorkers() + " workers connected";
                    case RUNNING, STOPPING ->
                        now.collector
                                .latestSnapshot()
                                .map(s -> ProgressLine.of(s, plannedUsers(now.spec), now.spec.expectedWorkers()))
                                .orElse("");
                    default -> "";
                };
        return new RunStatus(now.phase, now.runId, progress);
    }

    /** Runs {@code body} with {@link #status()} tracking it; FAILED when it throws. */
    private RunOutcome tracked(String runId, LoadTestSpec spec, ResultCollector collector, Body body)
            throws LoadTestException, InterruptedException {
        Tracking now = new Tracking(runId, spec, collector);
        tracking = now;
        boolean done = false;
        try {
            RunOutcome outcome = body.run();
            done = true;
            now.phase = RunPhase.FINISHED;
            return outcome;
        } finally {
            if (!done) {
                now.phase = RunPhase.FAILED;
            }
        }
    }

    /** The runner's work once master and workers exist, shared by {@link #run} and {@link #resume}. */
    private RunOutcome carryOut(
            String runId,
            LoadTestSpec spec,
            Path outDir,
            Optional<LoadTestResult> baseline,
            RunHandle handle,
            ResultCollector collector,
            RunConsole console,
            Deadlines deadlines)
            throws LoadTestException, InterruptedException {
        Integer exitCode;
        try {
            awaitGate(spec, handle, collector, console, deadlines);
            exitCode = awaitEnd(spec, handle, collector, console, deadlines);
        } finally {
            handle.close();
        }
        tracking.phase = RunPhase.EVALUATING;
        if (!collector.hasFinal()) {
            throw endedWithoutResult(exitCode, console, spec);
        }
        LoadTestResult result = collector.result(runId, backend.name(), exitCode);
        Verdict verdict = evaluation.evaluate(spec.thresholds(), result, baseline);
        try {
            evaluation.writeReports(result, verdict, outDir);
        } catch (IOException e) {
            throw new LoadTestException(
                    "The test ran but its reports could not be written to " + outDir + ": " + e.getMessage()
                            + ". Check the folder's permissions and free space.",
                    e);
        }
        String summary = evaluation.summary(result, verdict).stripTrailing();
        if (!summary.isEmpty()) {
            listener.println(summary);
        }
        return new RunOutcome(result, verdict, outDir);
    }

    private void awaitGate(
            LoadTestSpec spec, RunHandle handle, ResultCollector collector, RunConsole console, Deadlines deadlines)
            throws LoadTestException, InterruptedException {
        tracking.phase = RunPhase.WAITING_FOR_WORKERS;
        Instant deadline = deadlines.gate();
        Instant started = clock.instant();
        while (!collector.gateOpen()) {
            failFast(handle, collector, console);
            if (handle.masterExit().isDone()) {
                break;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new LoadTestException(String.format(
                        Locale.ROOT,
                        "Only %d of %d Locust workers connected to the master within startTimeout (%s). Check the"
                                + " workers' output above (crashes, unreachable master), or raise startTimeout when"
                                + " workers need longer to start.",
                        collector.connectedWorkers(),
                        spec.expectedWorkers(),
                        DurationParser.format(spec.startTimeout())));
            }
            sleep();
        }
        if (!collector.gateOpen()) {
            return;
        }
        tracking.phase = RunPhase.RUNNING;
        if (deadlines.resumed()) {
            console.say("All " + spec.expectedWorkers() + " workers had connected; the test goes on.");
            return;
        }
        console.say(String.format(
                Locale.ROOT,
                "All %d workers connected after %.1f s; the test starts.",
                spec.expectedWorkers(),
                Duration.between(started, clock.instant()).toMillis() / 1000.0));
    }

    /** Waits for the master to end (it stops by itself after the run time) and returns its exit code. */
    private Integer awaitEnd(
            LoadTestSpec spec, RunHandle handle, ResultCollector collector, RunConsole console, Deadlines deadlines)
            throws LoadTestException, InterruptedException {
        Instant stopAt = deadlines.end() != null
                ? deadlines.end()
                : clock.instant()
                        .plus(spec.plannedDuration())
                        .plus(spec.stopTimeout())
                        .plus(END_MARGIN);
        Instant nextProgress = clock.instant().plus(PROGRESS_EVERY);
        Snapshot printed = null;
        int delivered = 0;
        boolean abortAnnounced = false;
        boolean stopped = false;
        while (true) {
            try {
                Integer exit = handle.masterExit().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                deliver(collector, delivered);
                return exit;
            } catch (TimeoutException e) {
                // still running
            } catch (ExecutionException e) {
                throw new LoadTestException("Lost track of the Locust master: " + e.getCause(), e.getCause());
            }
            failFast(handle, collector, console);
            delivered = deliver(collector, delivered);
            Optional<ReporterEvent.Abort> abort = collector.abort();
            if (abort.isPresent() && !abortAnnounced) {
                abortAnnounced = true;
                console.say("Stopping the test early: " + abort.get().reason());
            }
            if (!clock.instant().isBefore(nextProgress)) {
                nextProgress = clock.instant().plus(PROGRESS_EVERY);
                Snapshot latest = collector.latestSnapshot().orElse(null);
                // Once the test has stopped there are no new numbers: repeating the last line would freeze the clock.
                if (latest != null && latest != printed) {
                    printed = latest;
                    console.say(ProgressLine.of(latest, plannedUsers(spec), spec.expectedWorkers()));
                }
            }
            if (!stopped && clock.instant().isAfter(stopAt)) {
                stopped = true;
                stopAt = clock.instant().plus(STOP_GRACE);
                tracking.phase = RunPhase.STOPPING;
                console.say("The Locust master did not stop after the planned duration; stopping it now.");
                handle.stop();
            } else if (stopped && clock.instant().isAfter(stopAt)) {
                throw new LoadTestException("The Locust master did not end within " + STOP_GRACE.toSeconds()
                        + " s after it was asked to stop; its processes were killed. Last master lines:\n"
                        + tail(console));
            }
        }
    }

    /** Passes the listener the snapshots it has not had yet; returns how many it has had now. */
    private int deliver(ResultCollector collector, int delivered) {
        int count = delivered;
        for (Snapshot point : collector.timelineFrom(delivered)) {
            listener.snapshot(point);
            count++;
        }
        return count;
    }

    /** Ends the wait at once for a fatal backend fault or a reporter that refused to run. */
    private static void failFast(RunHandle handle, ResultCollector collector, RunConsole console)
            throws LoadTestException {
        Optional<String> fatal = console.fatalFault();
        if (fatal.isPresent()) {
            throw new LoadTestException(fatal.get());
        }
        Optional<String> refused = collector.failure().or(console::protocolError);
        if (refused.isPresent()) {
            throw new LoadTestException(refused.get());
        }
    }

    private static LoadTestException endedWithoutResult(Integer exitCode, RunConsole console, LoadTestSpec spec) {
        Optional<String> cause = console.fatalFault().or(console::protocolError);
        if (cause.isPresent()) {
            return new LoadTestException(cause.get());
        }
        // A warning about the script (e.g. a data file next to a single-file script that is not shipped) is the
        // likely cause: repeat it after the traceback, where the user reads.
        String scriptWarnings = spec.warnings().stream()
                .filter(w -> w.field().equals("script"))
                .map(w -> "\nLikely cause: " + w.message())
                .reduce("", String::concat);
        return new LoadTestException("The Locust master ended (exit code " + exitCode + signal(exitCode)
                + ") before the test produced a result. Its last lines:\n" + tail(console) + scriptWarnings);
    }

    /** Exit codes above 128 are deaths by signal: say which, since the master could not say anything itself. */
    private static String signal(Integer exitCode) {
        if (exitCode == null || exitCode <= 128 || exitCode > 128 + 64) {
            return "";
        }
        int signal = exitCode - 128;
        return switch (signal) {
            case 9 -> ": killed (SIGKILL), e.g. out of memory or stopped from outside";
            case 15 -> ": terminated (SIGTERM) from outside";
            default -> ": ended by signal " + signal;
        };
    }

    private static String tail(RunConsole console) {
        String lines = String.join("\n", console.masterTail());
        return lines.isEmpty() ? "  (no output)" : lines;
    }

    /** The most users the run reaches: the users, or the largest stage; 0 (unknown) for the locustfile's shape. */
    private static int plannedUsers(LoadTestSpec spec) {
        return ResultCollector.plannedUsers(spec);
    }

    private static String describe(LoadTestSpec spec) {
        String load = spec.hasOwnLoadShape()
                ? "the locustfile's load shape " + spec.loadShape() + " sets users and duration (stopped after "
                        + DurationParser.format(spec.runTime()) + " at the latest)"
                : spec.stages().isEmpty()
                        ? spec.users() + " users for " + DurationParser.format(spec.runTime())
                        : spec.stages().size() + " stages over " + DurationParser.format(spec.plannedDuration());
        String workers = spec.processes() == 1
                ? spec.slaves() + (spec.slaves() == 1 ? " worker" : " workers")
                : spec.expectedWorkers() + " workers (" + spec.slaves() + " × " + spec.processes() + " processes)";
        return "Starting Locust: " + load + ", " + workers + (spec.host() == null ? "" : ", host " + spec.host()) + ".";
    }

    private void sleep() throws InterruptedException {
        Thread.sleep(POLL.toMillis());
    }

    /** A run's body between tracking's start and end. */
    @FunctionalInterface
    private interface Body {
        RunOutcome run() throws LoadTestException, InterruptedException;
    }

    /** What {@link #status()} reads; written by the runner's thread only. */
    private static final class Tracking {
        final String runId;
        final LoadTestSpec spec;
        final ResultCollector collector;
        volatile RunPhase phase = RunPhase.LAUNCHING;

        Tracking(String runId, LoadTestSpec spec, ResultCollector collector) {
            this.runId = runId;
            this.spec = spec;
            this.collector = collector;
        }
    }

    /**
     * When the runner gives up waiting. A fresh run counts the start timeout from now and the end from the gate
     * ({@code end} null); a resumed one keeps the started run's deadlines, but gives the replayed output at least
     * {@link #RESUME_GRACE} to show what had already happened.
     */
    private record Deadlines(Instant gate, Instant end, boolean resumed) {
        static Deadlines started(Instant now, LoadTestSpec spec) {
            return new Deadlines(now.plus(spec.startTimeout()), null, false);
        }

        static Deadlines resumed(Instant now, ResumeState state) {
            Instant earliest = now.plus(RESUME_GRACE);
            return new Deadlines(later(state.startDeadline(), earliest), later(state.endDeadline(), earliest), true);
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
