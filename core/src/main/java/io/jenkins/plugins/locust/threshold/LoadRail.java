package io.jenkins.plugins.locust.threshold;

import io.jenkins.plugins.locust.result.LoadRan;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.RunInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The load guard rail: Locust ran the planned users, run time and host (not, say, an abbreviated
 * {@code --locust-arg} override or a LoadTestShape the plan did not ask for), and the test lasted its planned time
 * unless an {@code abort} threshold stopped it.
 */
final class LoadRail {
    /** A test may end this much before its planned time (Locust stops on a 1-s tick, shutdown takes a moment). */
    static final double SHORT_SLACK_SECONDS = 2;

    static final double SHORT_SLACK_RATIO = 0.1;

    private LoadRail() {}

    static ThresholdOutcome check(LoadTestResult result) {
        LoadRan load = result.load();
        RunInfo plan = result.run();
        if (load == null) {
            return GuardRails.skipped(GuardRails.LOAD, "not checked: the result does not record the load that ran.");
        }
        List<String> differences = new ArrayList<>();
        if (load.shape() != null && !load.shapePlanned()) {
            differences.add("the locustfile's LoadTestShape " + load.shape() + " drove the load instead of the plan");
        }
        if (load.users() != null && load.users() != plan.users()) {
            differences.add("Locust ran with " + load.users() + " users, the plan was " + plan.users());
        }
        if (load.runTimeSeconds() != null && Math.abs(load.runTimeSeconds() - plan.runTimeSeconds()) >= 0.5) {
            differences.add("Locust ran with a run time of " + seconds(load.runTimeSeconds()) + ", the plan was "
                    + seconds(plan.runTimeSeconds()));
        }
        if (load.host() != null && plan.host() != null && !Objects.equals(load.host(), plan.host())) {
            differences.add("Locust sent the load to " + load.host() + ", the plan was " + plan.host());
        }
        if (!load.shapePlanned() && load.peakUsers() > plan.users()) {
            differences.add("up to " + load.peakUsers() + " users ran, the plan was " + plan.users());
        }
        shortRun(load, plan).ifPresent(differences::add);
        String planned = load.shapePlanned()
                ? "the locustfile's LoadTestShape " + load.shape()
                : plan.users() + " users for " + seconds(plan.runTimeSeconds());
        String actual = load.shapePlanned()
                ? "shape " + load.shape()
                : load.peakUsers() + " users for " + (load.testSeconds() == null ? "-" : seconds(load.testSeconds()));
        if (!differences.isEmpty()) {
            return GuardRails.failed(
                    GuardRails.LOAD,
                    actual,
                    planned,
                    Severity.FAILURE,
                    String.join("; ", differences) + ": the numbers do not measure the planned load.");
        }
        return GuardRails.passed(
                GuardRails.LOAD,
                actual,
                planned,
                (load.shapePlanned() ? "the load came from " + planned : planned) + " as planned"
                        + (plan.host() == null ? "" : ", against " + plan.host()) + ".");
    }

    private static Optional<String> shortRun(LoadRan load, RunInfo plan) {
        if (load.shapePlanned() || load.testSeconds() == null || "abort".equals(load.stopCause())) {
            return Optional.empty();
        }
        double planned = plan.runTimeSeconds();
        double slack = Math.max(SHORT_SLACK_SECONDS, SHORT_SLACK_RATIO * planned);
        if (load.testSeconds() >= planned - slack) {
            return Optional.empty();
        }
        String why =
                switch (String.valueOf(load.stopCause())) {
                    case "workers_missing" -> " because every worker stopped answering the master";
                    case "workers_gone" -> " because every worker had left";
                    default -> "";
                };
        return Optional.of("the test ran " + seconds(load.testSeconds()) + " of the planned " + seconds(planned) + why);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.0f s", value);
    }
}
