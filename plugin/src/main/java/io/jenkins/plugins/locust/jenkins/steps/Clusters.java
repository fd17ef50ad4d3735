package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.jenkins.config.LoadTestGlobalConfiguration;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.spec.QuotaExceededException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kubernetes clusters a run may use, by configured name, with the administrator's defaults and limits. The execution keeps only the name and resolves the
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

    /** Sets the administrator's defaults (image, worker resources, start timeout) before the step's own values. */
    default void applyDefaults(LoadTestSpecBuilder builder) {}

    /**
     * Checks the administrator's limits (users, slaves, worker CPU, run time, allowed target hosts) before anything is
     * created.
     *
     * @throws AbortException naming every limit the spec goes beyond, the value asked for and who sets it
     */
    default void checkQuotas(LoadTestSpec spec) throws AbortException {}

    /** The clusters of the global configuration; the controller's own when none is configured and it runs in a pod. */
    static Clusters fromConfiguration() {
        return new ConfiguredClusters(LoadTestGlobalConfiguration.get(), new InPodCluster());
    }

    /** The clusters, defaults and limits under Manage Jenkins » System » Locust Load Test. */
    final class ConfiguredClusters implements Clusters {
        private final LoadTestGlobalConfiguration configuration;
        private final InPodCluster inPod;

        ConfiguredClusters(LoadTestGlobalConfiguration configuration, InPodCluster inPod) {
            this.configuration = configuration;
            this.inPod = inPod;
        }

        private boolean noneConfigured() {
            return configuration.getClusters().isEmpty();
        }

        @Override
        public boolean available() {
            return !noneConfigured() || inPod.available();
        }

        @Override
        public String name(@CheckForNull String requested) throws AbortException {
            if (noneConfigured() && inPod.available()) {
                return inPod.name(requested);
            }
            return configuration.cluster(requested).getName();
        }

        @Override
        public KubernetesConnection connect(String name, Run<?, ?> run) throws AbortException {
            if (noneConfigured() && inPod.available()) {
                return inPod.connect(name, run);
            }
            return configuration.resolveConnection(configuration.cluster(name), run);
        }

        @Override
        public void applyDefaults(LoadTestSpecBuilder builder) {
            configuration.applyDefaults(builder);
        }

        @Override
        public void checkQuotas(LoadTestSpec spec) throws AbortException {
            try {
                configuration.quotas().check(spec);
            } catch (QuotaExceededException e) {
                throw new AbortException(Messages.LoadTest_Problem(e.getMessage()));
            }
        }
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
                throw new AbortException(Messages.Clusters_NoCluster(LoadTestGlobalConfiguration.where()));
            }
            if (requested != null && !requested.equals(NAME)) {
                throw new AbortException(
                        Messages.Clusters_OnlyInCluster(requested, NAME, LoadTestGlobalConfiguration.where()));
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
