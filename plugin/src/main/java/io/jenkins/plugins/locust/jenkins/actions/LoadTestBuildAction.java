package io.jenkins.plugins.locust.jenkins.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.page.LiveProgress;
import io.jenkins.plugins.locust.page.PageFiles;
import io.jenkins.plugins.locust.page.PageJson;
import io.jenkins.plugins.locust.page.ReportPages;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.Verdict;
import io.jenkins.plugins.locust.trend.Comparison;
import io.jenkins.plugins.locust.trend.RunSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;

/**
 * One load test of a build (one {@code loadTest} call): attached when the test starts, so its page shows the live
 * progress, and completed with the result. build.xml keeps only the name and a short summary (JSON, well under
 * 2 KB); the report page's data is {@code page.json} in the run's folder, written once, and the result files sit next
 * to it.
 */
public class LoadTestBuildAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    static final String ICON = "symbol-analytics";

    private final String name;
    private final String urlName;
    /** The run's output folder, relative to the build folder ({@code locust/<run id>}). */
    private final String folder;
    /** The {@link RunSummary} as JSON; null until the run has a result. */
    @CheckForNull
    private String summary;
    /** Why there is no result, when the run ended without one. */
    @CheckForNull
    private String problem;

    private transient Run<?, ?> run;
    private transient volatile Supplier<LiveProgress> live;

    /**
     * @param urlName from {@link ReportNames#urlName}: unique among the build's load tests
     * @param folder where the run writes its files, relative to the build folder
     */
    public LoadTestBuildAction(String name, String urlName, String folder) {
        this.name = name;
        this.urlName = urlName;
        this.folder = folder;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.LoadTestBuildAction_DisplayName(name);
    }

    @Override
    public String getUrlName() {
        return urlName;
    }

    public String getName() {
        return name;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** The run's output folder in the build folder (result.json, page.json, report.html, junit.xml, CSVs). */
    public Path getFolder() {
        return new File(run.getRootDir(), folder).toPath();
    }

    /** The summary, or empty while running and when the run ended without a result. */
    public Optional<RunSummary> getSummary() {
        return Optional.ofNullable(summary).map(PageFiles::summary);
    }

    @CheckForNull
    public String getProblem() {
        return problem;
    }

    /** Whether the page should poll the live progress instead of showing the final report. */
    public boolean isRunning() {
        return live != null;
    }

    /** The run has started: the page polls {@code progress} until {@link #complete} or {@link #fail}. */
    public void started(Supplier<LiveProgress> progress) {
        this.live = progress;
    }

    /** The run ended with a result: writes the report page's data and keeps the summary. */
    public void complete(LoadTestResult result, Verdict verdict, Optional<Comparison> baseline) throws IOException {
        PageFiles.write(ReportPages.of(result, verdict, baseline), getFolder());
        this.summary = PageFiles.summaryJson(RunSummary.of(result, verdict));
        this.live = null;
    }

    /** The run ended without a result (it could not start, or was aborted): the page says why. */
    public void fail(String reason) {
        this.problem = reason;
        this.live = null;
    }

    /** {@code GET …/<urlName>/page}: the report page's data. */
    public HttpResponse doPage() {
        Path page = getFolder().resolve(PageFiles.PAGE);
        try {
            if (Files.isRegularFile(page)) {
                return JsonResponse.ok(Files.readString(page));
            }
        } catch (IOException e) {
            return JsonResponse.notFound(Messages.Report_Unreadable(e.getMessage()));
        }
        return JsonResponse.notFound(
                problem != null ? problem : live != null ? Messages.Report_Running() : Messages.Report_NoResult());
    }

    /** {@code GET …/<urlName>/live}: the progress so far, or {@code finished} once the report is there. */
    public HttpResponse doLive() {
        Supplier<LiveProgress> progress = live;
        LiveProgress now = progress == null ? new LiveProgress("finished", true, 0, 0, List.of()) : progress.get();
        return JsonResponse.ok(PageJson.write(now));
    }

    /** {@code GET …/<urlName>/file?name=report.html}: one of the run's files (see {@link ReportFiles#SERVED}). */
    public HttpResponse doFile(@QueryParameter String name) {
        return ReportFiles.serve(getFolder(), name == null ? "" : name)
                .orElseGet(() -> JsonResponse.notFound(Messages.Report_NoFile(name)));
    }

    /** {@code GET …/<urlName>/comparison?with=41}: this build against another build's report of the same name. */
    public HttpResponse doComparison(@QueryParameter String with) {
        return BuildComparisons.compare(this, with);
    }

    /** The job's trend action, offered once per build (by its first load test) so the job page shows one trend. */
    @Override
    public Collection<? extends Action> getProjectActions() {
        List<LoadTestBuildAction> all = run.getActions(LoadTestBuildAction.class);
        if (!all.isEmpty() && all.get(0) != this) {
            return List.of();
        }
        return List.of(new LoadTestJobAction(run.getParent()));
    }
}
