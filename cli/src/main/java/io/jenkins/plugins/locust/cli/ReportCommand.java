package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.report.ConsoleSummary;
import io.jenkins.plugins.locust.report.ReportWriter;
import io.jenkins.plugins.locust.result.LoadTestResult;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.ThresholdCheck;
import io.jenkins.plugins.locust.threshold.ThresholdEvaluator;
import io.jenkins.plugins.locust.threshold.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadtest report}: judge a finished run's result.json again and re-render its reports, without load. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Re-renders the reports of a finished run from its result.json and judges it against the given",
            "thresholds (with --baseline for relative ones). Nothing is run: try new thresholds on an old result."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loadtest report loadtest-out/result.json --threshold 'p95 < 300ms' --out stricter",
            "  loadtest report this-run/result.json --baseline last-run/result.json --threshold 'p95 < baseline + 10%%'",
            "",
            "Exit codes: 0 passed (unstable-only breaches print a warning), 1 a failure-level threshold was breached,",
            "2 the result or baseline could not be read, or a threshold is invalid."
        })
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULT_JSON", description = "The result.json a run wrote.")
    Path resultJson;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Folder for the reports (default: the folder of RESULT_JSON).")
    Path outDir;

    @Option(names = "--threshold", paramLabel = "EXPR", description = "A threshold to judge by, repeatable.")
    List<String> thresholds = new ArrayList<>();

    @Option(
            names = "--baseline",
            paramLabel = "RESULT_JSON",
            description = "A previous run's result.json, for relative thresholds.")
    Path baseline;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws LoadTestException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        checkThresholds();
        LoadTestResult result = ResultFiles.read("RESULT_JSON", resultJson);
        Optional<LoadTestResult> baselineResult = ResultFiles.baseline(baseline);
        Verdict verdict = ThresholdEvaluator.judge(thresholds, result, baselineResult);
        Path dir = outDir != null ? outDir : resultJson.toAbsolutePath().getParent();
        try {
            ReportWriter.writeAll(result, verdict, dir);
        } catch (IOException e) {
            throw new LoadTestException(
                    "cannot write the reports to " + dir + " (" + e.getMessage()
                            + "); choose a writable folder with --out",
                    e);
        }
        out.println(ConsoleSummary.render(result, verdict));
        return VerdictOutput.print(verdict, dir, out, err);
    }

    private void checkThresholds() {
        List<FieldError> errors = ThresholdCheck.errors(thresholds);
        if (!errors.isEmpty()) {
            throw new InvalidSpecException(errors);
        }
    }
}
