package io.jenkins.plugins.locust.run;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The durable facts of a started run: what a caller persists to carry the run on after its process died (a Jenkins
 * controller restart) through {@link LoadTestRunner#resume}. Only names and times: no connection, no credential, no
 * spec (the caller has the spec; its {@code env} may hold secrets).
 *
 * <p>A plain public {@link Serializable} class on purpose, not a record: Pipeline saves step executions with JBoss
 * Marshalling River, and River 2.2.2 cannot read the components of a non-public record (JBMAR-261); times are
 * stored as epoch milliseconds so the serial form holds only strings and longs.
 */
public final class ResumeState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String cluster;
    private final String backend;
    private final String namespace;
    private final String runId;
    private final long startedMillis;
    private final long startDeadlineMillis;
    private final long endDeadlineMillis;

    /**
     * @param cluster the configured cluster's name, or null when the caller names none (the CLI)
     * @param backend {@link Backend#name()} of the backend that started the run
     * @param namespace the Kubernetes namespace holding the run's objects, or null for a backend without one
     * @param runId the run id ({@link RunIds}): the run's objects carry it as a label
     * @param started when the run was launched
     * @param startDeadline by when every worker must have connected ({@code started + startTimeout})
     * @param endDeadline by when the master must have ended before the runner stops it: the latest an uninterrupted
     *     run waits ({@code startDeadline + planned duration + stopTimeout + margin})
     */
    public ResumeState(
            String cluster,
            String backend,
            String namespace,
            String runId,
            Instant started,
            Instant startDeadline,
            Instant endDeadline) {
        if (!RunIds.isValid(runId)) {
            throw new IllegalArgumentException("Run id '" + runId + "' is not a valid run id; create it with RunIds");
        }
        this.cluster = cluster;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.namespace = namespace;
        this.runId = runId;
        this.startedMillis = started.toEpochMilli();
        this.startDeadlineMillis = startDeadline.toEpochMilli();
        this.endDeadlineMillis = endDeadline.toEpochMilli();
    }

    /** The same facts for the named cluster (the runner does not know configured names; the Jenkins step does). */
    public ResumeState withCluster(String clusterName) {
        return new ResumeState(clusterName, backend, namespace, runId, started(), startDeadline(), endDeadline());
    }

    /** The configured cluster's name, or null. */
    public String cluster() {
        return cluster;
    }

    public String backend() {
        return backend;
    }

    /** The namespace holding the run's objects, or null for a backend without one. */
    public String namespace() {
        return namespace;
    }

    public String runId() {
        return runId;
    }

    public Instant started() {
        return Instant.ofEpochMilli(startedMillis);
    }

    public Instant startDeadline() {
        return Instant.ofEpochMilli(startDeadlineMillis);
    }

    public Instant endDeadline() {
        return Instant.ofEpochMilli(endDeadlineMillis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResumeState other
                && Objects.equals(cluster, other.cluster)
                && backend.equals(other.backend)
                && Objects.equals(namespace, other.namespace)
                && runId.equals(other.runId)
                && startedMillis == other.startedMillis
                && startDeadlineMillis == other.startDeadlineMillis
                && endDeadlineMillis == other.endDeadlineMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cluster, backend, namespace, runId, startedMillis);
    }

    @Override
    public String toString() {
        return "run " + runId + " (" + backend + (cluster == null ? "" : ", cluster " + cluster)
                + (namespace == null ? "" : ", namespace " + namespace) + ", started " + started() + ")";
    }
}
