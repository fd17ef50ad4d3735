package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.locust.run.Backend;
import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunIds;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;

/**
 * Runs the master and the workers as Kubernetes Jobs. One client per run, opened here and closed by the run's
 * {@link RunHandle#close()} (or {@link RunHandle#detach()}); if starting fails half-way, whatever was created is
 * deleted before the error is thrown. A run left by a process that went away is taken over by {@link #attach}.
 */
public final class KubernetesBackend implements Backend {
    private final KubernetesConnection connection;

    public KubernetesBackend(KubernetesConnection connection) {
        this.connection = connection;
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public RunHandle start(RunRequest request, BackendEvents events) throws LoadTestException, InterruptedException {
        KubernetesPlan plan;
        try {
            plan = KubernetesRenderer.render(request);
        } catch (InvalidSpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new LoadTestException(e.getMessage(), e);
        }
        LoadTestSpec spec = request.spec();
        KubernetesClient client = connection.open();
        String namespace = connection.namespaceFor(spec.kubernetes().namespace(), client);
        RunResources resources = new RunResources(client, namespace, request.runId());
        KubernetesRun run = new KubernetesRun(
                client,
                namespace,
                request.runId(),
                spec.expectedWorkers(),
                Math.max(0, spec.kubernetes().maxFollowedWorkerLogs()),
                new LineTails(events),
                resources);
        boolean started = false;
        try {
            checkInterrupted();
            resources.create(plan);
            checkInterrupted();
            run.watch(spec.startTimeout());
            started = true;
            return run;
        } catch (LoadTestException | KubernetesClientException e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                throw new InterruptedException("Interrupted while starting the run on Kubernetes");
            }
            throw e;
        } finally {
            if (!started) {
                run.close();
            }
        }
    }

    /**
     * Finds the run's pods by the run-id label and follows them again, replaying the master's log from its start. When
     * the master pod is gone the run cannot be resumed: what is left of it is deleted and the exception says so.
     */
    @Override
    public RunHandle attach(String runId, String namespace, LoadTestSpec spec, BackendEvents events)
            throws LoadTestException, InterruptedException {
        if (!RunIds.isValid(runId)) {
            throw new LoadTestException("Cannot resume run '" + runId + "': not a run id this plugin creates"
                    + " (a DNS-1123 label of at most " + RunIds.MAX_LENGTH + " characters).");
        }
        KubernetesClient client = connection.open();
        String where = namespace != null && !namespace.isBlank()
                ? namespace
                : connection.namespaceFor(spec.kubernetes().namespace(), client);
        KubernetesRun run = new KubernetesRun(
                client,
                where,
                runId,
                spec.expectedWorkers(),
                Math.max(0, spec.kubernetes().maxFollowedWorkerLogs()),
                new LineTails(events),
                new RunResources(client, where, runId));
        boolean attached = false;
        try {
            checkInterrupted();
            run.attach();
            attached = true;
            return run;
        } finally {
            if (!attached) {
                run.close();
            }
        }
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("Interrupted while starting the run on Kubernetes");
        }
    }
}
