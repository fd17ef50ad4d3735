package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.locust.run.Backend;
import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.InvalidSpecException;
import io.jenkins.plugins.locust.spec.LoadTestSpec;

/**
 * Runs the master and the workers as Kubernetes Jobs. One client per run, opened here and closed by the run's
 * {@link RunHandle#close()}; if starting fails half-way, whatever was created is deleted before the error is thrown.
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
                plan,
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

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("Interrupted while starting the run on Kubernetes");
        }
    }
}
