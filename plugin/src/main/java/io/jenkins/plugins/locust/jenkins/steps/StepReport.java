package io.jenkins.plugins.locust.jenkins.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.jenkins.actions.LoadTestBuildAction;
import io.jenkins.plugins.locust.jenkins.actions.LoadTestReports;
import io.jenkins.plugins.locust.jenkins.actions.ReportNames;
import io.jenkins.plugins.locust.reporter.ResultCollector;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.trend.Baseline;
import io.jenkins.plugins.locust.trend.ComparisonBuilder;
import java.io.IOException;
import java.util.Optional;

/**
 * The build action of one loadTest call as its parameters choose it: its name, its folder in the build, the
 * baseline build it is compared with, and the live feed its page shows while the test runs.
 *
 * @param runId the run's id, or null before it is chosen (only {@link #baselineChoice()} works then)
 */
record StepReport(StepParameters parameters, String runId) {

    /** The {@code baseline} parameter; a bad value fails the step with the parser's message. */
    Baseline baselineChoice() throws AbortException {
        try {
            return Baseline.parse(parameters.text("baseline"));
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.LoadTest_Problem(e.getMessage()));
        }
    }

    /** The {@code name} parameter, else the script's file name without {@code .py}. */
    String name() {
        String name = parameters.text("name");
        return name == null || name.isBlank() ? ReportNames.defaultName(parameters.text("script")) : name.strip();
    }

    /** The run's output folder, relative to the build folder. */
    String folder() {
        return "locust/" + runId;
    }

    static LiveFeed feed(LoadTestSpec spec) {
        return new LiveFeed(ResultCollector.plannedUsers(spec), spec.expectedWorkers());
    }

    LoadTestBuildAction attach(Run<?, ?> run, LiveFeed feed) {
        return LoadTestReports.attach(run, name(), folder(), feed);
    }

    /** After a restart: the action the build kept under {@code urlName} (or a new one), showing the new feed. */
    LoadTestBuildAction reattach(Run<?, ?> run, String urlName, LiveFeed feed) {
        return LoadTestReports.reattach(run, urlName, name(), folder(), feed);
    }

    /** The same named report of the baseline build, if the choice finds one. */
    Optional<ComparisonBuilder.Side> baseline(Run<?, ?> run, LoadTestBuildAction attached) throws IOException {
        return LoadTestReports.baseline(run, attached.getUrlName(), baselineChoice());
    }
}
