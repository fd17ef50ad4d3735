package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kubernetes clusters a run may use, by configured name. The execution keeps only the name and resolves the
 * connection again at each use (start, resume) with the build as context, so no connection or secret is ever persisted.
 */
interface Clusters {
    /** Whether Kubernetes is available: a cluster is configured, or Jenkins runs in a pod. */
    boolean available();

    /**
     * The configured name of the cluster to use: {@code requested}, else the default.
     *
     * @throws AbortException naming the unknown cluster, or saying that none is configured, and the fix
     */
    String name(@CheckForNull String requested) throws AbortException;

    /**
     * The connection to the named cluster, with credentials resolved for {@code run}; never kept.
     *
     * @throws AbortException when the cluster is no longer configured or its credentials cannot be resolved
     */
    KubernetesConnection connect(String name, Run<?, ?> run) throws AbortException;

    /** The clusters of the global configuration. */
    static Clusters fromConfiguration() {
        return new InPodCluster();
    }

    /**
     * Until the global configuration names clusters: the controller's own cluster when Jenkins runs in a pod (its
     * service account), under the name {@value #NAME}.
     */
    final class InPodCluster implements Clusters {
        static final String NAME = "in-cluster";

        @Override
        public boolean available() {
            return System.getenv("KUBERNETES_SERVICE_HOST") != null
                    && Files.isReadable(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
        }

        @Override
        public String name(@CheckForNull String requested) throws AbortException {
            if (!available()) {
                throw new AbortException(
                        "loadTest: backend 'kubernetes' needs a cluster, and none is configured (Manage"
                                + " Jenkins → System → Locust Load Test) nor does Jenkins run in a pod. Configure a cluster,"
                                + " or run with backend: 'local'.");
            }
            if (requested != null && !requested.equals(NAME)) {
                throw new AbortException("loadTest: cluster '" + requested + "' is not configured; the only cluster"
                        + " is '" + NAME + "' (the one Jenkins runs in). Configure it under Manage Jenkins → System,"
                        + " or leave cluster out.");
            }
            return NAME;
        }

        @Override
        public KubernetesConnection connect(String name, Run<?, ?> run) throws AbortException {
            name(name);
            return KubernetesConnection.inCluster();
        }
    }
}
