package io.jenkins.plugins.locust.jenkins.actions;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.locust.trend.BuildRun;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a job's builds, newest first, for their load tests' summaries: the trend reads only these (never a result
 * file), and the walk stops after a bounded number of builds so that long histories stay cheap.
 */
final class BuildHistory {
    /** A job with many builds and few load tests is not walked to its first build: at most this many per result. */
    static final int WALK_PER_RESULT = 10;

    private BuildHistory() {}

    /** The summaries of the newest {@code maxBuilds} builds that ran a load test (builds without one are skipped). */
    static List<BuildRun> summaries(Job<?, ?> job, int maxBuilds) {
        List<BuildRun> runs = new ArrayList<>();
        int withResults = 0;
        int walked = 0;
        for (Run<?, ?> build = job.getLastBuild();
                build != null && withResults < maxBuilds && walked++ < maxBuilds * WALK_PER_RESULT;
                build = build.getPreviousBuild()) {
            boolean any = false;
            for (LoadTestBuildAction action : build.getActions(LoadTestBuildAction.class)) {
                Optional<RunSummary> summary = action.getSummary();
                if (summary.isPresent()) {
                    runs.add(new BuildRun(build.getNumber(), action.getName(), summary.get()));
                    any = true;
                }
            }
            if (any) {
                withResults++;
            }
        }
        return runs;
    }

    /** This build's load test of the same URL name in another build of the job, if that build ran one. */
    public static Optional<LoadTestBuildAction> sameReport(Run<?, ?> build, String urlName) {
        if (build == null) {
            return Optional.empty();
        }
        return build.getActions(LoadTestBuildAction.class).stream()
                .filter(a -> a.getUrlName().equals(urlName))
                .findFirst();
    }
}
