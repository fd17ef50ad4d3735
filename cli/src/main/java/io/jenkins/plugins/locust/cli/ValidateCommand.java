package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.run.LocustInstallation;
import io.jenkins.plugins.locust.spec.DurationParser;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.PythonSyntaxCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadtest validate}: every check a run makes before launching anything, without running. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks a load test's input without running it: the script (that Python compiles it and that it declares",
            "a Locust user class), every option and the threshold expressions. All errors are listed at once."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  loadtest validate perf/locustfile.py --users 500 --slaves 4 --threshold 'p95 < 800ms'",
            "  loadtest validate perf/ --locustfile shop.py --stage 1m:50 --stage 5m:200:20",
            "",
            "Exit codes: 0 valid (warnings may be printed), 2 invalid (each error names the option and the fix)."
        })
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    SpecOptions options = new SpecOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(
            names = "--python",
            paramLabel = "PATH",
            description = "Python that compiles the script to find syntax errors, as run would use it (default:"
                    + " $LOADTEST_PYTHON, then ./.venv/bin/python, then python3).")
    String python;

    @Override
    public Integer call() throws InterruptedException {
        LoadTestSpec spec = options.toBuilder().build();
        PrintWriter err = command.commandLine().getErr();
        Path chosen =
                LocustInstallation.python(python, System.getenv(), Path.of("").toAbsolutePath());
        try {
            List<FieldError> syntax = PythonSyntaxCheck.check(spec, chosen);
            if (!syntax.isEmpty()) {
                throw new InvalidSpecException(syntax);
            }
        } catch (IOException e) {
            err.println("loadtest: note: the Python syntax was not checked: " + e.getMessage());
        }
        FieldMessages.printWarnings(spec, err);
        command.commandLine().getOut().println("OK: " + summary(spec));
        return ExitCodes.PASSED;
    }

    static String summary(LoadTestSpec spec) {
        String load = spec.hasOwnLoadShape()
                ? "load shape " + spec.loadShape() + " from the locustfile (at most "
                        + DurationParser.format(spec.runTime()) + ")"
                : spec.stages().isEmpty()
                        ? spec.users()
                                + (spec.users() == 1 ? " user for " : " users for ")
                                + DurationParser.format(spec.runTime())
                        : spec.stages().size() + " stages over " + DurationParser.format(spec.plannedDuration());
        return spec.script() + " (entry " + spec.locustfile() + "): " + load + " on " + spec.slaves()
                + (spec.slaves() == 1 ? " worker" : " workers")
                + (spec.processes() > 1 ? " x " + spec.processes() + " processes" : "")
                + (spec.host() == null ? "" : ", host " + spec.host())
                + ", " + spec.thresholds().size() + (spec.thresholds().size() == 1 ? " threshold" : " thresholds");
    }
}
