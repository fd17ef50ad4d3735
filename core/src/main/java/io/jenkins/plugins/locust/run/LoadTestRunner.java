package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.reporter.ReporterEvent;
import io.jenkins.plugins.locust.reporter.ResultCollector;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.spec.DurationParser;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Stage;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Backend backend;
    private final RunListener listener;
    private final RunEvaluation evaluation;
    private final Clock clock;

    public LoadTestRunner(Backend backend, RunListener listener) {
        this(backend, listener, new ThresholdEvaluation(), Clock.systemUTC());
    }

    LoadTestRunner(Backend backend, RunListener listener, RunEvaluation evaluation, Clock clock) {
        this.backend = backend;
        this.listener = listener;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    /** Runs with a fresh run id. */
    public RunOutcome run(LoadTestSpec spec, Path outDir, Optional<LoadTestResult> baseline)
            throws LoadTestException, InterruptedException {
        return run(newRunId(), spec, outDir, baseline);
    }

    /**
     * @param runId a DNS-1123 label naming the run (and its Kubernetes objects)
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
        console.say(describe(spec));
        spec.warnings().forEach(warning -> console.say("Warning: " + warning));
        collector.launched();
        Integer exitCode;
        RunHandle handle = backend.start(new RunRequest(runId, spec, files, outDir), console);
        try {
            awaitGate(spec, handle, collector, console);
            exitCode = awaitEnd(spec, handle, collector, console);
        } finally {
            handle.close();
        }
        if (!collector.hasFinal()) {
            throw endedWithoutResult(exitCode, console);
        }
        LoadTestResult result = collector.result(runId, backend.name(), exitCode);
        Verdict verdict = collector
                .incompleteReason()
                .map(reason -> failIncomplete(evaluation.evaluate(spec.thresholds(), result, baseline), reason))
                .orElseGet(() -> evaluation.evaluate(spec.thresholds(), result, baseline));
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

    private void awaitGate(LoadTestSpec spec, RunHandle handle, ResultCollector collector, RunConsole console)
            throws LoadTestException, InterruptedException {
        Instant deadline = clock.instant().plus(spec.startTimeout());
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
        console.say(String.format(
                Locale.ROOT,
                "All %d workers connected after %.1f s; the test starts.",
                spec.expectedWorkers(),
                Duration.between(started, clock.instant()).toMillis() / 1000.0));
    }

    /** Waits for the master to end (it stops by itself after the run time) and returns its exit code. */
    private Integer awaitEnd(LoadTestSpec spec, RunHandle handle, ResultCollector collector, RunConsole console)
            throws LoadTestException, InterruptedException {
        Instant stopAt = clock.instant()
                .plus(spec.plannedDuration())
                .plus(spec.stopTimeout())
                .plus(END_MARGIN);
        Instant nextProgress = clock.instant().plus(PROGRESS_EVERY);
        boolean abortAnnounced = false;
        boolean stopped = false;
        while (true) {
            try {
                return handle.masterExit().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running
            } catch (ExecutionException e) {
                throw new LoadTestException("Lost track of the Locust master: " + e.getCause(), e.getCause());
            }
            failFast(handle, collector, console);
            Optional<ReporterEvent.Abort> abort = collector.abort();
            if (abort.isPresent() && !abortAnnounced) {
                abortAnnounced = true;
                console.say("Stopping the test early: " + abort.get().reason());
            }
            if (!clock.instant().isBefore(nextProgress)) {
                nextProgress = clock.instant().plus(PROGRESS_EVERY);
                collector
                        .latestSnapshot()
                        .map(s -> ProgressLine.of(s, plannedUsers(spec), spec.expectedWorkers()))
                        .ifPresent(console::say);
            }
            if (!stopped && clock.instant().isAfter(stopAt)) {
                stopped = true;
                stopAt = clock.instant().plus(STOP_GRACE);
                console.say("The Locust master did not stop after the planned duration; stopping it now.");
                handle.stop();
            } else if (stopped && clock.instant().isAfter(stopAt)) {
                throw new LoadTestException("The Locust master did not end within " + STOP_GRACE.toSeconds()
                        + " s after it was asked to stop; its processes were killed. Last master lines:\n"
                        + tail(console));
            }
        }
    }

    /** Ends the wait at once for a fatal backend fault or a reporter that refused to run. */
    /** Thresholds judged on a fraction of the planned test prove nothing: such a run never passes. */
    private static Verdict failIncomplete(Verdict verdict, String reason) {
        List<ThresholdOutcome> outcomes = new ArrayList<>(verdict.outcomes());
        outcomes.add(new ThresholdOutcome(
                "the test runs for its planned duration", null, null, OutcomeStatus.FAILED, Severity.FAILURE, reason));
        return new Verdict(VerdictStatus.FAILED, outcomes);
    }

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

    private static LoadTestException endedWithoutResult(Integer exitCode, RunConsole console) {
        Optional<String> cause = console.fatalFault().or(console::protocolError);
        if (cause.isPresent()) {
            return new LoadTestException(cause.get());
        }
        return new LoadTestException("The Locust master ended (exit code " + exitCode + signal(exitCode)
                + ") before the test produced a result. Its last lines:\n" + tail(console));
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

    /** The most users the run reaches: the users, or the largest stage. */
    private static int plannedUsers(LoadTestSpec spec) {
        return spec.stages().stream().mapToInt(Stage::users).max().orElse(spec.users());
    }

    private static String describe(LoadTestSpec spec) {
        String load = spec.stages().isEmpty()
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

    static String newRunId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder("lt-");
        for (int i = 0; i < 10; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
