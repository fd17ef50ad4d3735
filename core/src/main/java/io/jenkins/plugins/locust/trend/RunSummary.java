package io.jenkins.plugins.locust.trend;

import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.result.Timings;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.Severity;
import io.jenkins.plugins.locust.threshold.ThresholdOutcome;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.time.Duration;

/**
 * The few numbers of a run that a build keeps in build.xml and that trends are drawn from, so that a job page with
 * a thousand builds never opens a result.json. Everything else stays in the result file.
 *
 * @param verdict {@code PASSED}, {@code UNSTABLE} or {@code FAILED}
 * @param durationSeconds from the first worker connected to the test's stop (the measured period), 0 if unknown
 * @param thresholdsFailed failure-level thresholds (and guard rails) that failed
 * @param thresholdsUnstable unstable-level ones that failed
 */
public record RunSummary(
        int schemaVersion,
        String verdict,
        long requests,
        long failures,
        double failRatio,
        double rps,
        long p50Ms,
        long p95Ms,
        long p99Ms,
        double durationSeconds,
        int users,
        int workers,
        int thresholdsPassed,
        int thresholdsFailed,
        int thresholdsUnstable,
        int thresholdsSkipped) {

    /** Version of this summary's fields, kept with every build; bump it when a field changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    public static RunSummary of(LoadTestResult result, Verdict verdict) {
        EndpointStats all = result.aggregated();
        int passed = 0;
        int failed = 0;
        int unstable = 0;
        int skipped = 0;
        for (ThresholdOutcome outcome : verdict.outcomes()) {
            if (outcome.status() == OutcomeStatus.PASSED) {
                passed++;
            } else if (outcome.status() == OutcomeStatus.SKIPPED) {
                skipped++;
            } else if (outcome.severity() == Severity.UNSTABLE) {
                unstable++;
            } else {
                failed++;
            }
        }
        return new RunSummary(
                SCHEMA_VERSION,
                verdict.status().name(),
                all.requests(),
                all.failures(),
                all.failRatio(),
                all.rps(),
                all.percentiles().p50(),
                all.percentiles().p95(),
                all.percentiles().p99(),
                measuredSeconds(result.timings()),
                result.run().users(),
                result.run().expectedWorkers(),
                passed,
                failed,
                unstable,
                skipped);
    }

    private static double measuredSeconds(Timings timings) {
        if (timings.gateOpened() == null || timings.stopped() == null) {
            return 0;
        }
        return Duration.between(timings.gateOpened(), timings.stopped()).toMillis() / 1000.0;
    }

    /** The value of a trend metric, in the unit {@link TrendMetric#unit()} names. */
    public double value(TrendMetric metric) {
        return switch (metric) {
            case RPS -> rps;
            case P50 -> p50Ms;
            case P95 -> p95Ms;
            case P99 -> p99Ms;
            case FAIL_RATIO -> failRatio * 100;
            case REQUESTS -> requests;
        };
    }
}
