package io.jenkins.plugins.locust.threshold;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadRan;
import io.jenkins.plugins.locust.result.LoadTestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks every run must pass whatever thresholds it has, because without them the thresholds judge something
 * other than what was asked: requests were made, the workers stayed, the load was the planned one, not every request
 * failed, and user code did not break every task. Without a threshold on failures or on {@code exceptions}, their
 * defaults mark the run UNSTABLE, so nothing is passed silently (docs/thresholds.md). Judged on the result alone, so
 * {@code loadtest report} applies them to an old result.json too.
 */
public final class GuardRails {
    static final String REQUESTS = "guard rail: requests were made";
    static final String WORKERS = "guard rail: workers stayed to the end";
    static final String LOAD = "guard rail: the load ran as planned";
    static final String FAILURES = "guard rail: failed requests";
    static final String EXCEPTIONS = "guard rail: exceptions in user code";

    /** Exceptions in at least this share of the task iterations: every iteration broke. */
    static final double BROKEN_ITERATIONS = 0.9;

    private GuardRails() {}

    public static List<ThresholdOutcome> check(LoadTestResult result, List<Threshold> thresholds) {
        List<ThresholdOutcome> rails = new ArrayList<>();
        rails.add(requests(result));
        rails.add(WorkerRail.check(result));
        rails.add(LoadRail.check(result));
        rails.add(failures(result, thresholds));
        rails.add(exceptions(result, thresholds));
        return rails;
    }

    private static ThresholdOutcome requests(LoadTestResult result) {
        long requests = result.aggregated().requests();
        if (requests > 0) {
            return passed(REQUESTS, count(requests, "request"), "> 0", count(requests, "request") + " made");
        }
        String why;
        LoadRan load = result.load();
        if (WorkerRail.allLost(result)) {
            why = "every worker was lost (see the workers guard rail)";
        } else if (result.exceptionCount() > 0) {
            why = "user code raised " + count(result.exceptionCount(), "exception") + " instead, mostly "
                    + RailText.topException(result);
        } else if (load != null && load.peakUsers() > 0) {
            why = load.peakUsers() + " users ran but no request completed: the host accepted the connections and"
                    + " never answered (a request without a timeout waits for ever), or the users send no requests";
        } else {
            why = "no user ever ran";
        }
        return failed(REQUESTS, "0 requests", "> 0", Severity.FAILURE, "no request was made: " + why + ".");
    }

    private static ThresholdOutcome failures(LoadTestResult result, List<Threshold> thresholds) {
        EndpointStats total = result.aggregated();
        String actual = Unit.RATIO.format(total.failRatio());
        if (total.requests() > 0 && total.failures() == total.requests()) {
            return failed(
                    FAILURES,
                    actual,
                    "< 100 %",
                    Severity.FAILURE,
                    "all " + count(total.requests(), "request") + " failed, mostly " + RailText.topFailure(result)
                            + ": the target was never tested.");
        }
        List<String> own = thresholds.stream()
                .filter(t -> t.metric().kind() == Metric.Kind.FAIL_RATIO
                        || t.metric().kind() == Metric.Kind.FAILURES
                        || t.metric().kind() == Metric.Kind.FAILURES_PER_S)
                .map(Threshold::expression)
                .toList();
        if (!own.isEmpty()) {
            return passed(FAILURES, actual, "< 100 %", actual + " failed; judged by " + RailText.quoted(own) + ".");
        }
        if (total.failures() > 0) {
            return failed(
                    FAILURES,
                    actual,
                    "== 0 (default)",
                    Severity.UNSTABLE,
                    total.failures() + " of " + count(total.requests(), "request") + " failed (" + actual + "), mostly "
                            + RailText.topFailure(result) + ". No threshold judges failures, so the default marks the"
                            + " run unstable; add one such as 'fail_ratio < 1%' to set the limit.");
        }
        return passed(FAILURES, actual, "== 0 (default)", "no request failed.");
    }

    private static ThresholdOutcome exceptions(LoadTestResult result, List<Threshold> thresholds) {
        long exceptions = result.exceptionCount();
        String actual = Long.toString(exceptions);
        List<String> own = thresholds.stream()
                .filter(t -> t.metric().kind() == Metric.Kind.EXCEPTIONS)
                .map(Threshold::expression)
                .toList();
        if (!own.isEmpty()) {
            return passed(
                    EXCEPTIONS,
                    actual,
                    "-",
                    count(exceptions, "exception") + "; judged by " + RailText.quoted(own) + ".");
        }
        if (exceptions == 0) {
            return passed(EXCEPTIONS, actual, "== 0 (default)", "no exception was raised in user code.");
        }
        Long tasks = result.load() == null ? null : result.load().tasks();
        String top = RailText.topException(result);
        boolean everyIterationBroke = tasks != null
                ? exceptions >= BROKEN_ITERATIONS * tasks
                : result.aggregated().requests() == 0;
        String iterations = tasks == null ? "" : " in " + count(tasks, "task iteration");
        if (everyIterationBroke) {
            return failed(
                    EXCEPTIONS,
                    actual,
                    tasks == null ? "< task iterations" : "< " + Math.round(BROKEN_ITERATIONS * tasks),
                    Severity.FAILURE,
                    count(exceptions, "exception") + iterations + ": (almost) every iteration broke, so the flow"
                            + " under test was never exercised; mostly " + top + ".");
        }
        return failed(
                EXCEPTIONS,
                actual,
                "== 0 (default)",
                Severity.UNSTABLE,
                count(exceptions, "exception") + " raised in user code" + iterations + ", mostly " + top
                        + ". The default marks the run unstable; a threshold such as 'exceptions < 10' sets the"
                        + " limit.");
    }

    static ThresholdOutcome passed(String rail, String actual, String limit, String message) {
        return new ThresholdOutcome(rail, actual, limit, OutcomeStatus.PASSED, Severity.FAILURE, message);
    }

    static ThresholdOutcome failed(String rail, String actual, String limit, Severity severity, String message) {
        return new ThresholdOutcome(rail, actual, limit, OutcomeStatus.FAILED, severity, message);
    }

    static ThresholdOutcome skipped(String rail, String message) {
        return new ThresholdOutcome(rail, null, null, OutcomeStatus.SKIPPED, Severity.FAILURE, message);
    }

    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
