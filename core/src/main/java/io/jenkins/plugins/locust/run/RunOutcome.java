package io.jenkins.plugins.locust.run;

import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.nio.file.Path;

/** What a finished run leaves: the result, the verdict, and the folder holding result.json and the reports. */
public record RunOutcome(LoadTestResult result, Verdict verdict, Path outputDirectory) {}
