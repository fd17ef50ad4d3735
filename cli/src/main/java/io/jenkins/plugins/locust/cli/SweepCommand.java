package io.jenkins.plugins.locust.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.kubernetes.KubernetesSweeper;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.spec.DurationParser;
import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadtest sweep}: deletes what runs left behind in a namespace (by the tool's managed-by label). */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deletes the ConfigMaps, Services, Jobs and pods of load test runs that are older than --older-than,",
            "e.g. left behind when a controller died mid-run. Runs still going are younger and are kept."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  loadtest sweep --older-than 2h --namespace load-tests",
            "",
            "Exit codes: 0 swept (or nothing to sweep), 2 the cluster could not be reached or refused."
        })
final class SweepCommand implements Callable<Integer> {
    @Option(
            names = "--older-than",
            paramLabel = "DURATION",
            description = "Only objects created longer ago than this, e.g. 2h, 30m (default: 2h).")
    String olderThan = "2h";

    @Option(
            names = "--namespace",
            paramLabel = "NAME",
            description = "Namespace to sweep (default: the kubeconfig context's).")
    String namespace;

    @Mixin
    ClusterCliOptions cluster = new ClusterCliOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** Where to connect, from --kubeconfig and --context. */
    private final BiFunction<Path, String, KubernetesConnection> connections;

    SweepCommand() {
        this(ClusterConnection::of);
    }

    SweepCommand(BiFunction<Path, String, KubernetesConnection> connections) {
        this.connections = connections;
    }

    @Override
    public Integer call() throws LoadTestException {
        Duration age = DurationParser.parse(olderThan)
                .orElseThrow(() -> new InvalidSpecException(List.of(
                        new FieldError("--older-than", olderThan, "give a duration such as 90s, 30m, 2h or 1h30m"))));
        KubernetesConnection connection = connections.apply(cluster.kubeconfig, cluster.context);
        PrintWriter out = command.commandLine().getOut();
        try (KubernetesClient client = connection.open()) {
            String ns = connection.namespaceFor(namespace, client);
            List<KubernetesSweeper.Swept> swept = new KubernetesSweeper(client, ns).sweep(age);
            swept.forEach(s -> out.println("deleted " + s));
            out.println(
                    swept.isEmpty()
                            ? "Nothing older than " + DurationParser.format(age) + " to sweep in namespace " + ns + "."
                            : "Swept " + swept.size() + " objects in namespace " + ns + ".");
        }
        return ExitCodes.PASSED;
    }
}
