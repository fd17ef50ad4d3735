package io.jenkins.plugins.locust.jenkins.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;

/**
 * One configured cluster, as the global configuration would give it (the configuration itself needs a running
 * Jenkins); {@code connection} null means it cannot be reached.
 */
final class FixedClusters implements Clusters {
    private final String name;
    private final KubernetesConnection connection;

    FixedClusters(String name, KubernetesConnection connection) {
        this.name = name;
        this.connection = connection;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String name(String requested) throws AbortException {
        if (requested != null && !requested.equals(name)) {
            throw new AbortException("loadTest: cluster '" + requested + "' is not configured");
        }
        return name;
    }

    @Override
    public KubernetesConnection connect(String requested, Run<?, ?> run) throws AbortException {
        name(requested);
        if (connection == null) {
            throw new AbortException("loadTest: cluster '" + name + "' cannot be reached");
        }
        return connection;
    }
}
