package io.jenkins.plugins.locust.jenkins.actions;

import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.page.PageJson;
import io.jenkins.plugins.locust.page.TrendPage;
import io.jenkins.plugins.locust.trend.BuildRun;
import io.jenkins.plugins.locust.trend.TrendBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;

/**
 * The job's load test trends (RPS, p95, p99, failed requests; one line per named load test) from the builds'
 * summaries only. Shown as a floating box on the job page; a click on a point opens that build's report.
 */
public class LoadTestJobAction implements Action {
    static final String URL_NAME = "locust-trend";
    static final int DEFAULT_BUILDS = 50;
    static final int MAX_BUILDS = 1000;

    private final Job<?, ?> job;

    public LoadTestJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return LoadTestBuildAction.ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.LoadTestJobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** {@code GET …/locust-trend/trend?builds=50}: the charts of the newest builds (at most {@value #MAX_BUILDS}). */
    public HttpResponse doTrend(@QueryParameter String builds) {
        int count = DEFAULT_BUILDS;
        if (builds != null && builds.strip().matches("[0-9]{1,9}")) {
            count = Math.max(1, Math.min(MAX_BUILDS, Integer.parseInt(builds.strip())));
        }
        return JsonResponse.ok(PageJson.write(trend(BuildHistory.summaries(job, count), count)));
    }

    static TrendPage trend(List<BuildRun> runs, int builds) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (BuildRun run : runs) {
            urls.putIfAbsent(run.report(), ReportNames.urlName(run.report(), List.of()));
        }
        return new TrendPage(TrendBuilder.build(runs, builds), urls);
    }
}
