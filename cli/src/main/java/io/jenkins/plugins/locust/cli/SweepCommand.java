package io.jenkins.plugins.locust.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.kubernetes.KubernetesSweeper;
import io.jenkins.plugins.locust.local.LocalSweeper;
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
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadtest sweep}: deletes what runs left behind in a namespace (by the tool's managed-by label), or with
 * {@code --backend local} the temporary folders and processes of local runs whose loadtest was killed.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deletes the ConfigMaps, Services, Jobs and pods of load test runs that are older than --older-than,",
            "e.g. left behind when a controller died mid-run. Runs still going are younger and are kept.",
            "With --backend local: removes the temporary folders (and any Locust process still using one) of local",
            "runs whose loadtest or Jenkins process is gone; runs still going are kept. Local runs also do this when",
            "they start."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  loadtest sweep --older-than 2h --namespace load-tests",
            "  loadtest sweep --backend local",
            "",
            "Exit codes: 0 swept (or nothing to sweep), 2 the cluster could not be reached or refused, or a local",
            "folder or process could not be removed."
        })
final class SweepCommand implements Callable<Integer> {
    @Option(
            names = "--backend",
            paramLabel = "kubernetes|local",
            description = "What to sweep: a Kubernetes namespace (default) or this machine's local runs.")
    RunSettings.BackendChoice backend = RunSettings.BackendChoice.kubernetes;

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

    private final Supplier<LocalSweeper> localSweeper;

    SweepCommand() {
        this(ClusterConnection::of);
    }

    SweepCommand(BiFunction<Path, String, KubernetesConnection> connections) {
        this(connections, LocalSweeper::new);
    }

    SweepCommand(BiFunction<Path, String, KubernetesConnection> connections, Supplier<LocalSweeper> localSweeper) {
        this.connections = connections;
        this.localSweeper = localSweeper;
    }

    @Override
    public Integer call() throws LoadTestException, InterruptedException {
        if (backend == RunSettings.BackendChoice.local) {
            return sweepLocal();
        }
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

    private int sweepLocal() throws InterruptedException {
        PrintWriter out = command.commandLine().getOut();
        LocalSweeper sweeper = localSweeper.get();
        List<LocalSweeper.Swept> swept = sweeper.sweep();
        swept.forEach(s -> out.println("removed " + s));
        out.println(
                swept.isEmpty()
                        ? "Nothing left behind by killed local runs in " + sweeper.root() + "."
                        : "Swept " + swept.size() + " folders of killed local runs in " + sweeper.root() + ".");
        return swept.stream().anyMatch(s -> s.problem() != null) ? ExitCodes.NOT_CARRIED_OUT : ExitCodes.PASSED;
    }
}
