package io.jenkins.plugins.locust.jenkins.actions;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.locust.page.LiveProgress;
import io.jenkins.plugins.locust.page.StepResultMap;
import io.jenkins.plugins.locust.report.VerdictJson;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.trend.Baseline;
import io.jenkins.plugins.locust.trend.ComparisonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** How a load test of a build becomes its build action: attached at the start, compared, completed or failed. */
public final class LoadTestReports {
    /** How far back a baseline is looked for: older builds are rarely the comparison anyone wants. */
    static final int BASELINE_WALK = 100;

    private LoadTestReports() {}

    /**
     * Attaches a new action for a test that starts now; its URL name is unique among the build's load tests (two
     * {@code loadTest} calls with one name, also in parallel branches, get {@code -2}).
     *
     * @param folder the run's output folder, relative to the build folder
     */
    public static LoadTestBuildAction attach(Run<?, ?> run, String name, String folder, Supplier<LiveProgress> live) {
        LoadTestBuildAction action;
        synchronized (run) {
            List<String> taken = run.getActions(LoadTestBuildAction.class).stream()
                    .map(LoadTestBuildAction::getUrlName)
                    .toList();
            action = new LoadTestBuildAction(name, ReportNames.urlName(name, taken), folder);
            run.addAction(action);
        }
        action.started(live);
        return action;
    }

    /** After a restart: the action the build kept for this test, or a new one when the build was not saved with it. */
    public static LoadTestBuildAction reattach(
            Run<?, ?> run, String urlName, String name, String folder, Supplier<LiveProgress> live) {
        Optional<LoadTestBuildAction> kept = BuildHistory.sameReport(run, urlName);
        if (kept.isEmpty()) {
            return attach(run, name, folder, live);
        }
        kept.get().started(live);
        return kept.get();
    }

    /** The same-named report of the build {@code choice} picks, with its result and verdict, if there is one. */
    public static Optional<ComparisonBuilder.Side> baseline(Run<?, ?> run, String urlName, Baseline choice)
            throws IOException {
        List<Baseline.Candidate> candidates = new ArrayList<>();
        List<LoadTestBuildAction> actions = new ArrayList<>();
        Run<?, ?> build = run.getPreviousBuild();
        for (int i = 0; build != null && i < BASELINE_WALK; i++, build = build.getPreviousBuild()) {
            Optional<LoadTestBuildAction> action = BuildHistory.sameReport(build, urlName);
            if (action.isPresent() && action.get().getSummary().isPresent()) {
                candidates.add(new Baseline.Candidate(build.getNumber(), build.getResult() == Result.SUCCESS));
                actions.add(action.get());
            }
        }
        Optional<Integer> chosen = choice.select(run.getNumber(), candidates);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        for (LoadTestBuildAction action : actions) {
            if (action.getRun().getNumber() == chosen.get()) {
                return Optional.of(BuildComparisons.side(action));
            }
        }
        return Optional.empty();
    }

    /** What a completed test gives back: the verdict and the step's return value. */
    public record Published(Verdict verdict, Map<String, Object> value) {}

    /**
     * Completes the action from the run's files (result.json with its verdict) and, with a baseline, the deltas.
     *
     * @throws IOException when the run left no readable result.json
     */
    public static Published complete(LoadTestBuildAction action, Optional<ComparisonBuilder.Side> baseline)
            throws IOException {
        Path resultJson = action.getFolder().resolve("result.json");
        LoadTestResult result = ResultJson.read(resultJson);
        Verdict verdict = VerdictJson.read(resultJson);
        Run<?, ?> run = action.getRun();
        action.complete(
                result,
                verdict,
                baseline.map(base ->
                        ComparisonBuilder.compare(base, new ComparisonBuilder.Side(run.getNumber(), result, verdict))));
        String url = run.getUrl() + action.getUrlName() + "/";
        return new Published(verdict, StepResultMap.of(action.getSummary().orElseThrow(), verdict, url));
    }
}
