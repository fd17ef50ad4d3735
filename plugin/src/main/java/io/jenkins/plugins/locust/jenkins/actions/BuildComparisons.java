package io.jenkins.plugins.locust.jenkins.actions;

import hudson.model.Run;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.page.PageFiles;
import io.jenkins.plugins.locust.page.PageJson;
import io.jenkins.plugins.locust.result.ResultJson;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import io.jenkins.plugins.locust.trend.ComparisonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.kohsuke.stapler.HttpResponse;

/** The compare page's data: two builds' reports of the same name, side by side (the only view reading two results). */
final class BuildComparisons {
    private BuildComparisons() {}

    /**
     * @param with the other build's number; blank means the nearest earlier build with this report
     */
    static HttpResponse compare(LoadTestBuildAction current, String with) {
        Run<?, ?> run = current.getRun();
        Optional<LoadTestBuildAction> other;
        if (with == null || with.isBlank()) {
            other = previous(run, current.getUrlName());
        } else if (with.strip().matches("[0-9]{1,9}")) {
            other = BuildHistory.sameReport(
                    run.getParent().getBuildByNumber(Integer.parseInt(with.strip())), current.getUrlName());
        } else {
            return JsonResponse.notFound(Messages.Compare_NotABuildNumber(with));
        }
        if (other.isEmpty() || other.get().getSummary().isEmpty()) {
            return JsonResponse.notFound(
                    with == null || with.isBlank()
                            ? Messages.Compare_NoEarlierResult(current.getName())
                            : Messages.Compare_NoResultInBuild(current.getName(), with.strip()));
        }
        if (current.getSummary().isEmpty()) {
            return JsonResponse.notFound(Messages.Compare_NoResultHere(current.getName()));
        }
        try {
            LoadTestBuildAction base = other.get();
            return JsonResponse.ok(PageJson.write(ComparisonBuilder.compare(side(base), side(current))));
        } catch (IOException e) {
            return JsonResponse.notFound(Messages.Compare_Unreadable(e.getMessage()));
        }
    }

    private static Optional<LoadTestBuildAction> previous(Run<?, ?> run, String urlName) {
        for (Run<?, ?> build = run.getPreviousBuild(); build != null; build = build.getPreviousBuild()) {
            Optional<LoadTestBuildAction> action = BuildHistory.sameReport(build, urlName);
            if (action.isPresent() && action.get().getSummary().isPresent()) {
                return action;
            }
        }
        return Optional.empty();
    }

    static ComparisonBuilder.Side side(LoadTestBuildAction action) throws IOException {
        Path folder = action.getFolder();
        return new ComparisonBuilder.Side(
                action.getRun().getNumber(),
                ResultJson.read(folder.resolve("result.json")),
                new Verdict(
                        VerdictStatus.valueOf(action.getSummary().orElseThrow().verdict()),
                        PageFiles.thresholds(folder)));
    }
}
