package io.jenkins.plugins.locust.jenkins.config;

import hudson.AbortException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.run.LoadTestException;
import java.util.function.Supplier;

/** "Test connection" on the configuration page: resolves the cluster as an administrator and asks the API server. */
final class ConnectionTest {
    enum Status {
        OK,
        WARNING,
        FAILED
    }

    /** What to show under the button: plain text (the form escapes it). */
    record Outcome(Status status, String text) {}

    private final ClusterConnector connector;
    private final Supplier<String> defaultNamespace;

    ConnectionTest(ClusterConnector connector, Supplier<String> defaultNamespace) {
        this.connector = connector;
        this.defaultNamespace = defaultNamespace;
    }

    Outcome run(ClusterConfig cluster) {
        KubernetesConnection connection;
        try {
            connection = connector.forAdministrator(cluster, defaultNamespace.get());
        } catch (AbortException e) {
            return new Outcome(Status.FAILED, e.getMessage());
        }
        try (KubernetesClient client = connection.open()) {
            VersionInfo version = client.getKubernetesVersion();
            return new Outcome(
                    Status.OK,
                    "Connected to Kubernetes " + version.getGitVersion() + " at " + client.getMasterUrl()
                            + ", namespace " + connection.namespaceFor(null, client) + ".");
        } catch (LoadTestException | KubernetesClientException e) {
            return new Outcome(Status.FAILED, "Cannot reach " + cluster + ": " + e.getMessage());
        }
    }
}
