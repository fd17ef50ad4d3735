package io.jenkins.plugins.locust.jenkins.config;

import hudson.AbortException;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.kubernetes.Preflight;
import io.jenkins.plugins.locust.kubernetes.PreflightReport;
import io.jenkins.plugins.locust.kubernetes.PreflightSample;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * "Test connection" on the configuration page: resolves the cluster's credential as an administrator, then runs
 * core's {@link Preflight} (the same checks as {@code loadtest check}): the server and its version, every permission a
 * run needs (naming a missing verb and resource), the namespace's Pod Security level, and a server-side dry run of a
 * small run with the configured defaults. Nothing is created.
 */
final class ConnectionTest {
    enum Status {
        OK,
        WARNING,
        FAILED
    }

    /** What to show under the button: plain text, one check per line (the form escapes it and keeps the lines). */
    record Outcome(Status status, String text) {}

    private final ClusterConnector connector;
    private final Supplier<LoadTestDefaults> defaults;

    ConnectionTest(ClusterConnector connector, Supplier<LoadTestDefaults> defaults) {
        this.connector = connector;
        this.defaults = defaults;
    }

    Outcome run(ClusterConfig cluster) {
        LoadTestDefaults configured = defaults.get();
        KubernetesConnection connection;
        RunRequest sample;
        try {
            connection = connector.forAdministrator(cluster, configured.getNamespace());
            sample = PreflightSample.request(configured::applyTo);
        } catch (AbortException | LoadTestException | InvalidSpecException e) {
            return new Outcome(Status.FAILED, e.getMessage());
        }
        PreflightReport report = new Preflight(connection).check(null, sample);
        String text = report.checks().stream()
                .map(check -> check.name() + ": " + check.status() + " - " + check.detail())
                .collect(Collectors.joining("\n"));
        if (!report.passed()) {
            return new Outcome(Status.FAILED, text);
        }
        boolean warned = report.checks().stream().anyMatch(c -> c.status() == PreflightReport.Status.WARNING);
        return new Outcome(warned ? Status.WARNING : Status.OK, text);
    }
}
