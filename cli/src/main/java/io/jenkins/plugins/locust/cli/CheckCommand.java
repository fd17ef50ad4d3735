package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.kubernetes.Preflight;
import io.jenkins.plugins.locust.kubernetes.PreflightReport;
import io.jenkins.plugins.locust.kubernetes.PreflightSample;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code loadtest check}: can a run start in this namespace? The plugin's "Test connection" runs the same checks. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks, without starting anything, that a Kubernetes run can start: the server's version, every RBAC",
            "grant a run needs (naming a missing one and the docs/rbac.yaml rule that grants it), the namespace's",
            "Pod Security level, and a server-side dry run of the objects a run with these options creates."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  loadtest check --namespace load-tests",
            "  loadtest check --kubeconfig ~/.kube/ci --context staging --namespace load-tests --pod-overlay pod.yaml",
            "",
            "Exit codes: 0 a run can start (warnings are printed), 2 a check failed (the reason is printed)."
        })
final class CheckCommand implements Callable<Integer> {
    @Mixin
    KubernetesCliOptions kubernetes = new KubernetesCliOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** Where to connect, from --kubeconfig and --context. */
    private final BiFunction<Path, String, KubernetesConnection> connections;

    CheckCommand() {
        this(ClusterConnection::of);
    }

    CheckCommand(BiFunction<Path, String, KubernetesConnection> connections) {
        this.connections = connections;
    }

    @Override
    public Integer call() throws LoadTestException {
        RunRequest sample = PreflightSample.request(kubernetes::applyTo);
        KubernetesConnection connection = connections.apply(kubernetes.cluster.kubeconfig, kubernetes.cluster.context);
        PreflightReport report = new Preflight(connection).check(kubernetes.namespace, sample);
        PrintWriter out = command.commandLine().getOut();
        for (PreflightReport.Check check : report.checks()) {
            out.println(String.format(Locale.ROOT, "%-13s %-8s %s", check.name(), check.status(), check.detail()));
        }
        String where = report.namespace() == null ? "" : " in namespace " + report.namespace();
        if (report.passed()) {
            out.println("A run can start" + where + ".");
            return ExitCodes.PASSED;
        }
        command.commandLine()
                .getErr()
                .println("loadtest: a run cannot start" + where + "; fix the FAILED checks above.");
        return ExitCodes.NOT_CARRIED_OUT;
    }
}
