package io.jenkins.plugins.locust.jenkins.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.locust.jenkins.Messages;
import java.util.Optional;

/** Which backend a run uses: the one the user named, else Kubernetes when it is available, else local processes. */
final class BackendChoice {
    static final String KUBERNETES = "kubernetes";
    static final String LOCAL = "local";

    private BackendChoice() {}

    /** The backend, and for Kubernetes the configured name of the cluster (only the name is ever kept). */
    record Placement(String backend, @CheckForNull String cluster) {}

    /** @throws AbortException for an unknown backend or cluster, or Kubernetes without any cluster */
    static Placement place(StepParameters parameters, Clusters clusters) throws AbortException {
        String backend = choose(parameters.text("backend"), clusters.available());
        return new Placement(backend, backend.equals(KUBERNETES) ? clusters.name(parameters.text("cluster")) : null);
    }

    /** @throws AbortException for a backend name other than {@value #KUBERNETES} or {@value #LOCAL} */
    static String choose(@CheckForNull String given, boolean kubernetesAvailable) throws AbortException {
        Optional<String> problem = problem(given);
        if (problem.isPresent()) {
            throw new AbortException(Messages.LoadTest_Problem(problem.get()));
        }
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        return kubernetesAvailable ? KUBERNETES : LOCAL;
    }

    /** What is wrong with a backend name, or empty when it is fine (or not given). */
    static Optional<String> problem(@CheckForNull String given) {
        if (given == null
                || given.isBlank()
                || given.trim().equals(KUBERNETES)
                || given.trim().equals(LOCAL)) {
            return Optional.empty();
        }
        return Optional.of(Messages.BackendChoice_Invalid(given.trim()));
    }
}
