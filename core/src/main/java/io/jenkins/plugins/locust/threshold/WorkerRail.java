package io.jenkins.plugins.locust.threshold;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.WorkerInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The workers guard rail: losing every worker before the planned end fails the run, with what ended them; losing
 * some marks it unstable (the load was lower than planned from then on).
 */
final class WorkerRail {
    private WorkerRail() {}

    static boolean allLost(LoadTestResult result) {
        return !result.workers().isEmpty() && result.workers().stream().allMatch(WorkerInfo::lost);
    }

    static ThresholdOutcome check(LoadTestResult result) {
        List<WorkerInfo> workers = result.workers();
        if (workers.isEmpty()) {
            return GuardRails.skipped(GuardRails.WORKERS, "not checked: the result names no workers.");
        }
        List<WorkerInfo> lost = workers.stream().filter(WorkerInfo::lost).toList();
        String actual = lost.size() + " of " + workers.size() + " lost";
        if (lost.isEmpty()) {
            return GuardRails.passed(
                    GuardRails.WORKERS,
                    actual,
                    "0 lost",
                    workers.size() == 1
                            ? "the worker stayed to the end."
                            : "all " + workers.size() + " workers stayed to the end.");
        }
        if (lost.size() == workers.size()) {
            String who = workers.size() == 1 ? "the only worker" : "all " + workers.size() + " workers";
            return GuardRails.failed(
                    GuardRails.WORKERS,
                    actual,
                    "0 lost",
                    Severity.FAILURE,
                    who + " " + causes(lost) + "; nothing was measured after that.");
        }
        return GuardRails.failed(
                GuardRails.WORKERS,
                actual,
                "0 lost",
                Severity.UNSTABLE,
                lost.size() + " of " + workers.size() + " workers " + causes(lost)
                        + "; the load was lower than planned from then on.");
    }

    /** What ended the workers, grouped: "exited with code 3 at 0:04: SystemExit(3) raised in task X.y". */
    private static String causes(List<WorkerInfo> lost) {
        Map<String, Double> firstAt = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (WorkerInfo worker : lost) {
            String cause = cause(worker);
            counts.merge(cause, 1, Integer::sum);
            Double at = worker.lostAtSeconds();
            firstAt.merge(cause, at == null ? Double.NaN : at, (a, b) -> Double.isNaN(a) ? b : Math.min(a, b));
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> group : counts.entrySet()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            if (counts.size() > 1) {
                text.append(group.getValue()).append(" ");
            }
            double at = firstAt.get(group.getKey());
            String when = Double.isNaN(at) ? "" : " at " + RailText.clock(at);
            text.append(group.getKey().replace("{when}", when));
        }
        return text.toString();
    }

    private static String cause(WorkerInfo worker) {
        if (worker.exitCode() != null) {
            String what = worker.exitCause() == null ? "" : ": " + worker.exitCause();
            return "exited with code " + worker.exitCode() + "{when}" + what;
        }
        if (Objects.equals(worker.state(), "missing")) {
            return "stopped answering the master (no heartbeat){when}: the process ended, or user code blocked it"
                    + " without yielding (e.g. a CPU loop), or it was starved of CPU";
        }
        return "left the master during the test{when}";
    }
}
