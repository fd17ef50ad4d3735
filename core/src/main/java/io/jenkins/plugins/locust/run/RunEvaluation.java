package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the runner needs from the threshold and report packages; a seam so the runner is tested without them. */
interface RunEvaluation {
    /**
     * Parses every threshold before anything is launched.
     *
     * @throws io.jenkins.plugins.locust.spec.InvalidSpecException naming each bad threshold
     */
    void checkThresholds(List<String> expressions);

    /** The JSON array of abort rules the reporter checks live. */
    String abortRules(List<String> expressions);

    /** The verdict: the guard rails, then the thresholds. */
    Verdict evaluate(List<String> expressions, LoadTestResult result, Optional<LoadTestResult> baseline);

    /** Writes result.json and the reports into {@code outDir}. */
    void writeReports(LoadTestResult result, Verdict verdict, Path outDir) throws IOException;

    /** The summary table for the console. */
    String summary(LoadTestResult result, Verdict verdict);
}
