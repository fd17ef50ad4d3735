package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.spec.FieldError;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.spec.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options only the Kubernetes backend uses: where to run (cluster connection, namespace) and how the pods look
 * (resources, service account, overlay). The connection options are read by the backend, the rest go into the spec.
 */
final class KubernetesCliOptions {
    @Option(
            names = "--namespace",
            paramLabel = "NAME",
            description = "Namespace for the run's pods (default: the kubeconfig context's).")
    String namespace;

    @Mixin
    ClusterCliOptions cluster = new ClusterCliOptions();

    @Option(names = "--service-account", paramLabel = "NAME", description = "Service account for the Locust pods.")
    String serviceAccount;

    @Option(
            names = "--image-pull-secret",
            paramLabel = "NAME",
            description = "Secret for pulling the image, repeatable.")
    List<String> imagePullSecrets = new ArrayList<>();

    @Option(
            names = "--node-selector",
            paramLabel = "KEY=VALUE",
            description = "Node label the pods must match, repeatable.")
    Map<String, String> nodeSelector = new LinkedHashMap<>();

    @Option(
            names = "--pod-overlay",
            paramLabel = "FILE",
            description = "Pod YAML merged over the rendered pods (containers by name, lists appended).")
    Path podOverlay;

    @Option(names = "--web-ui", description = "Expose Locust's web UI (port 8089) through the master Service.")
    boolean webUi;

    @Option(
            names = "--max-worker-logs",
            paramLabel = "N",
            description = "Worker log streams followed live (default: 4); the others are read only on failure.")
    Integer maxFollowedWorkerLogs;

    @Option(names = "--master-cpu", paramLabel = "QUANTITY", description = "Master CPU request (default: 500m).")
    String masterCpu;

    @Option(
            names = "--master-memory",
            paramLabel = "QUANTITY",
            description = "Master memory request and limit (default: 512Mi).")
    String masterMemory;

    @Option(names = "--worker-cpu", paramLabel = "QUANTITY", description = "Worker CPU request (default: 1).")
    String workerCpu;

    @Option(
            names = "--worker-cpu-limit",
            paramLabel = "QUANTITY",
            description = "Worker CPU limit (default: none; throttled workers miss heartbeats).")
    String workerCpuLimit;

    @Option(
            names = "--worker-memory",
            paramLabel = "QUANTITY",
            description = "Worker memory request and limit (default: 1Gi).")
    String workerMemory;

    void applyTo(LoadTestSpecBuilder builder) {
        KubernetesOptions defaults = KubernetesOptions.DEFAULT;
        builder.kubernetes(new KubernetesOptions(
                namespace,
                serviceAccount,
                imagePullSecrets,
                nodeSelector,
                podOverlay == null ? defaults.podOverlayYaml() : readOverlay(),
                webUi,
                maxFollowedWorkerLogs == null ? defaults.maxFollowedWorkerLogs() : maxFollowedWorkerLogs,
                defaults.buildUrl()));
        Resources master = Resources.MASTER_DEFAULT;
        builder.masterResources(new Resources(
                pick(masterCpu, master.cpuRequest()),
                master.cpuLimit(),
                pick(masterMemory, master.memoryRequest()),
                pick(masterMemory, master.memoryLimit())));
        Resources worker = Resources.WORKER_DEFAULT;
        builder.workerResources(new Resources(
                pick(workerCpu, worker.cpuRequest()),
                pick(workerCpuLimit, worker.cpuLimit()),
                pick(workerMemory, worker.memoryRequest()),
                pick(workerMemory, worker.memoryLimit())));
    }

    private static String pick(String given, String fallback) {
        return given == null ? fallback : given;
    }

    private String readOverlay() {
        try {
            return Files.readString(podOverlay, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSpecException(List.of(new FieldError(
                    "--pod-overlay", podOverlay.toString(), "cannot read it (" + e + "); give a readable YAML file")));
        }
    }
}
