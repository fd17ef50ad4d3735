package io.jenkins.plugins.locust.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One command-line invocation in a test: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return with(CommandLine.defaultFactory(), args);
    }

    /** Runs with {@code run} carried out by the given launcher instead of the engine. */
    static CliRun withLauncher(RunLauncher launcher, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return with(
                new CommandLine.IFactory() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <K> K create(Class<K> type) throws Exception {
                        return type == RunCommand.class ? (K) new RunCommand(launcher) : defaults.create(type);
                    }
                },
                args);
    }

    static CliRun with(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LoadTestCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), factory);
        return new CliRun(code, out.toString(), err.toString());
    }
}
