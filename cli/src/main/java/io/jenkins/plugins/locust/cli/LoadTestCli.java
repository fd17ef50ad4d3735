package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code loadtest}: distributed Locust load tests from the command line, with the same engine, thresholds and
 * reports as the Jenkins step. Exit codes: 0 passed (unstable-only breaches warn), 1 a failure-level threshold was
 * breached, 2 the run could not be carried out (bad input, Locust error).
 */
@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs distributed Locust load tests and judges them against thresholds.",
        // One line per subcommand: add yours here.
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            ReportCommand.class,
            RenderCommand.class,
            SweepCommand.class,
            CheckCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  loadtest run perf/locustfile.py --users 50 --slaves 2 --run-time 2m --host http://127.0.0.1:8080 \\",
            "      --threshold 'p95 < 800ms' --threshold 'fail_ratio < 1%%'",
            "  loadtest validate perf/ --locustfile shop.py --threshold 'GET /api/cart: p99 < 1s'",
            "  loadtest report loadtest-out/result.json --threshold 'p95 < 500ms' --out new-report",
            "",
            "Exit codes: 0 passed (unstable-only breaches print a warning), 1 a failure-level threshold was breached,",
            "2 the run could not be carried out (bad input, Locust error; the reason is printed to stderr).",
        })
public final class LoadTestCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        ShutdownHandler shutdown = ShutdownHandler.install(err);
        int code = execute(args, out, err);
        shutdown.finished();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (for main and for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, CommandLine.defaultFactory());
    }

    /** With a factory for the command objects, so tests can hand a command its collaborators. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new LoadTestCli(), factory)
                .setOut(out)
                .setErr(err)
                // --locust-arg=--users=50 or -u50 is a value here, which validation refuses with the field to use;
                // picocli would otherwise take it for our own --users and print its usage instead.
                .setAllowOptionsAsOptionParameters(true)
                .setExecutionExceptionHandler(LoadTestCli::handle);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a subcommand: show what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Everything that escapes a command means the run could not be carried out: say why on stderr, exit 2. */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (ShutdownHandler.shuttingDown() || e instanceof InterruptedException) {
            // A signal stopped the run: what it failed with on the way out is a consequence, not the cause.
            err.println("loadtest: interrupted; the run was stopped and cleaned up");
        } else if (e instanceof InvalidSpecException invalid) {
            FieldMessages.printErrors(invalid, err);
        } else if (e instanceof LoadTestException) {
            err.println("loadtest: " + e.getMessage());
        } else {
            err.println("loadtest: unexpected error: " + e);
            if (e.getCause() != null) {
                err.println("  caused by: " + e.getCause());
            }
        }
        err.flush();
        return ExitCodes.NOT_CARRIED_OUT;
    }
}
