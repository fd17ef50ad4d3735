package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadtest run}: validate, run on the chosen backend, write the reports, exit with the verdict. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Runs a distributed Locust load test (a master and SLAVES workers) and judges it against the thresholds.",
            "Locust's output and a progress line go to stderr; the verdict and the report path to stdout.",
            "Writes result.json, report.html, report.css and junit.xml to --out."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  # 20 users on 2 local workers for 30 s against a local service, with two thresholds",
            "  loadtest run examples/locustfile.py -u 20 -s 2 -t 30s -H http://127.0.0.1:8080 \\",
            "      --threshold 'p95 < 500ms' --threshold 'fail_ratio < 1%%'",
            "  # a staged ramp, compared with a previous run",
            "  loadtest run perf/ --locustfile shop.py --stage 1m:50:5 --stage 3m:200:20 \\",
            "      --baseline last/result.json --threshold 'p95 < baseline * 1.2' --out this-run",
            "  # on Kubernetes",
            "  loadtest run perf/locustfile.py --backend kubernetes --namespace load -u 500 -s 4 -t 5m -H https://staging",
            "",
            "Exit codes: 0 passed (unstable-only breaches print a warning), 1 a failure-level threshold was breached,",
            "2 the run could not be carried out (bad input, Locust error; the reason is printed to stderr)."
        })
final class RunCommand implements Callable<Integer> {
    @Mixin
    SpecOptions options = new SpecOptions();

    @Option(
            names = "--backend",
            paramLabel = "local|kubernetes",
            description = "Where master and workers run: local processes (default) or Kubernetes Jobs.")
    RunSettings.BackendChoice backend = RunSettings.BackendChoice.local;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Folder for result.json and the reports (default: loadtest-out).")
    Path outDir = Path.of("loadtest-out");

    @Option(
            names = "--baseline",
            paramLabel = "RESULT_JSON",
            description = "A previous run's result.json, for thresholds relative to a baseline.")
    Path baseline;

    @Option(
            names = "--python",
            paramLabel = "PATH",
            description =
                    "Python with Locust for the local backend (default: $LOADTEST_PYTHON, then ./.venv/bin/python,"
                            + " then python3).")
    String python;

    @Option(
            names = "--allow-oversized-local",
            description = "Start the local backend's workers and users even far beyond this machine's CPU cores and"
                    + " memory (refused by default).")
    boolean allowOversizedLocal;

    @Spec
    CommandSpec command;

    private final RunLauncher launcher;

    RunCommand() {
        this(new EngineLauncher());
    }

    RunCommand(RunLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        // The runner prints the spec's warnings into the run's console.
        LoadTestSpec spec = options.toBuilder().build();
        RunSettings settings = new RunSettings(
                backend,
                outDir,
                baseline,
                python,
                options.kubernetes.cluster.kubeconfig,
                options.kubernetes.cluster.context,
                allowOversizedLocal);
        RunOutcome outcome = launcher.launch(spec, settings, line -> {
            err.println(line);
            err.flush();
        });
        return VerdictOutput.print(outcome.verdict(), outcome.outputDirectory(), out, err);
    }
}
