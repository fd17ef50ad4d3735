package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.jenkins.plugins.locust.run.LoadTestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Creating and removing one run's objects. Creation follows the plan's order: the ConfigMap first, then (owned by
 * it) the Service, the master Job and the worker Job. Removal deletes the ConfigMap, whose deletion cascades, and
 * then, in case an owner reference was lost, everything that carries the run label; then it waits (on a watch) until
 * the pods are really gone.
 */
final class RunResources {
    private final KubernetesClient client;
    private final String namespace;
    private final String runId;
    private boolean interrupted;

    RunResources(KubernetesClient client, String namespace, String runId) {
        this.client = client;
        this.namespace = namespace;
        this.runId = runId;
    }

    void create(KubernetesPlan plan) throws LoadTestException {
        ConfigMap configMap = create(plan.configMap(), "the ConfigMap with the test files");
        KubernetesPlan owned = plan.withOwner(configMap.getMetadata().getUid());
        create(owned.service(), "the master Service");
        create(owned.masterJob(), "the master Job");
        create(owned.workerJob(), "the worker Job");
    }

    private <T extends HasMetadata> T create(T object, String what) throws LoadTestException {
        try {
            return client.resource(object).inNamespace(namespace).create();
        } catch (KubernetesClientException e) {
            throw new LoadTestException(
                    KubernetesErrors.describe(
                            e, "create " + what + " " + object.getMetadata().getName(), namespace),
                    e);
        }
    }

    /**
     * Deletes everything of the run and waits up to {@code timeout} for the pods to be gone. Returns what is left
     * (empty when all is gone); never throws for API errors, which it reports in the returned list instead.
     */
    List<String> delete(String configMapName, Duration timeout) {
        List<String> problems = new ArrayList<>();
        try {
            evenIfInterrupted(() -> client.configMaps()
                    .inNamespace(namespace)
                    .withName(configMapName)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete());
        } catch (KubernetesClientException e) {
            problems.add(KubernetesErrors.describe(e, "delete ConfigMap " + configMapName, namespace));
        }
        problems.addAll(deleteLabelled());
        try {
            List<String> left = awaitPodsGone(timeout);
            if (!left.isEmpty()) {
                problems.add("still terminating after " + timeout.toSeconds() + " s: " + String.join(", ", left));
            }
        } catch (KubernetesClientException e) {
            problems.add("could not confirm that the pods are gone: " + e.getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return problems;
    }

    /**
     * Waits until no pod of the run is left. Pod events wake the wait up; the list is also re-read every second,
     * because a watch opened after the last deletion has nothing left to tell.
     */
    private List<String> awaitPodsGone(Duration timeout) {
        Semaphore changed = new Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Watch watch = client.pods()
                .inNamespace(namespace)
                .withLabel(RunNames.RUN_ID_LABEL, runId)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Pod pod) {
                        changed.release();
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        changed.release();
                    }
                })) {
            while (true) {
                List<String> left = evenIfInterrupted(() -> client.pods()
                                .inNamespace(namespace)
                                .withLabel(RunNames.RUN_ID_LABEL, runId)
                                .list())
                        .getItems()
                        .stream()
                        .map(p -> "pod " + p.getMetadata().getName())
                        .toList();
                long remaining = deadline - System.nanoTime();
                if (left.isEmpty() || remaining <= 0) {
                    return left;
                }
                try {
                    if (changed.tryAcquire(Math.min(remaining, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS)) {
                        changed.drainPermits();
                    }
                } catch (InterruptedException e) {
                    // a second abort: the deletions are sent, confirming them is bounded; keep the flag for later
                    interrupted = true;
                }
            }
        }
    }

    /**
     * Runs an API call to its end even when the thread is interrupted (a second abort during cleanup): the flag is
     * cleared for the call, which is retried if the interrupt broke it, and set again when the cleanup is over.
     */
    private <T> T evenIfInterrupted(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            interrupted |= Thread.interrupted();
            try {
                return call.get();
            } catch (KubernetesClientException e) {
                boolean broken = Thread.interrupted() || e.getCause() instanceof InterruptedException;
                interrupted |= broken;
                if (!broken || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Belt and braces: whatever still carries the run label, whoever owns it. */
    private List<String> deleteLabelled() {
        List<String> problems = new ArrayList<>();
        List<Runnable> deletions = List.of(
                () -> client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(namespace)
                        .withLabel(RunNames.RUN_ID_LABEL, runId)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                        .delete(),
                () -> client.services()
                        .inNamespace(namespace)
                        .withLabel(RunNames.RUN_ID_LABEL, runId)
                        .delete(),
                () -> client.configMaps()
                        .inNamespace(namespace)
                        .withLabel(RunNames.RUN_ID_LABEL, runId)
                        .delete(),
                () -> client.pods()
                        .inNamespace(namespace)
                        .withLabel(RunNames.RUN_ID_LABEL, runId)
                        .delete());
        for (Runnable deletion : deletions) {
            try {
                evenIfInterrupted(() -> {
                    deletion.run();
                    return null;
                });
            } catch (KubernetesClientException e) {
                problems.add(KubernetesErrors.describe(e, "delete the run's objects by label", namespace));
            }
        }
        return problems;
    }
}
