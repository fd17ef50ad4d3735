package io.jenkins.plugins.locust.trend;

import java.util.Objects;

/**
 * One named report of one build, as a job's history offers it to the trend: the build number, the report's name
 * (a build may run several load tests), and its summary.
 */
public record BuildRun(int build, String report, RunSummary summary) {
    public BuildRun {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(summary, "summary");
    }
}
