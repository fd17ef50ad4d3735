package io.jenkins.plugins.locust.cli;

import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cluster the CLI talks to, as kubectl finds it: {@code --kubeconfig}, else {@code $KUBECONFIG}, else
 * {@code ~/.kube/config}, else the pod's service account (when the CLI runs inside the cluster).
 */
final class ClusterConnection {
    private ClusterConnection() {}

    static KubernetesConnection of(Path kubeconfig, String context, Map<String, String> env, Path home) {
        if (kubeconfig != null) {
            return KubernetesConnection.kubeconfigFile(kubeconfig, context);
        }
        String fromEnv = env.get("KUBECONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            // kubectl merges a list; the first file is where the current context usually lives
            return KubernetesConnection.kubeconfigFile(Path.of(fromEnv.split(":")[0]), context);
        }
        Path standard = home.resolve(".kube").resolve("config");
        if (Files.isReadable(standard)) {
            return KubernetesConnection.kubeconfigFile(standard, context);
        }
        return KubernetesConnection.inCluster();
    }

    static KubernetesConnection of(Path kubeconfig, String context) {
        return of(kubeconfig, context, System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
