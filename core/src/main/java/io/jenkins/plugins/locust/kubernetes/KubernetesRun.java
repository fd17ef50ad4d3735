package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunHandle;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run on Kubernetes after its objects exist: watches the run's pods (an informer, which re-lists and re-watches
 * when its watch drops), fails fast with the cause while the pods are starting, follows the master's log (the
 * reporter's events come through it) and a bounded number of worker logs on a fixed thread pool, completes
 * {@link #masterExit()} when the master container has ended and its log is read, and deletes everything on close.
 */
final class KubernetesRun implements RunHandle {
    /** How long cleanup waits for pods to be gone: the default grace period of 30 s plus margin. */
    static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(60);
    /**
     * What happens after a worker is lost mid-run: the worker Job creates a replacement pod (a disruption does not
     * count against its backoffLimit), and Locust's master redistributes the users when a worker stops or joins.
     */
    static final String REPLACED = "The worker Job starts a replacement, and Locust gives the worker's users to it"
            + " once it connects (to the other workers at once if the worker stopped cleanly); the load dips meanwhile.";
    /** After the master ended, how long its log may take to deliver the last lines. */
    static final Duration LOG_DRAIN = Duration.ofSeconds(15);

    private final KubernetesClient client;
    private final String namespace;
    private final KubernetesPlan plan;
    private final String runId;
    private final LineTails events;
    private final RunResources resources;
    private final RunPods pods;
    private final int expectedWorkers;
    private final int maxFollowedWorkers;
    private final ExecutorService threads;
    private final CompletableFuture<Integer> masterExit = new CompletableFuture<>();
    private final Map<String, LogFollower> followers = new ConcurrentHashMap<>();
    private volatile SharedIndexInformer<Pod> informer;
    private volatile StartWatch startWatch;
    private volatile boolean closing;
    private boolean closed;
    private boolean stopRequested;
    private boolean fatalReported;
    private Integer masterCode;
    private int followedWorkers;
    private CompletableFuture<Void> masterLog;
    private final Map<String, CompletableFuture<Void>> workerLogs = new ConcurrentHashMap<>();

    KubernetesRun(
            KubernetesClient client,
            String namespace,
            KubernetesPlan plan,
            String runId,
            int expectedWorkers,
            int maxFollowedWorkers,
            LineTails events,
            RunResources resources) {
        this.client = client;
        this.namespace = namespace;
        this.plan = plan;
        this.runId = runId;
        this.events = events;
        this.resources = resources;
        this.pods = new RunPods();
        this.expectedWorkers = expectedWorkers;
        this.maxFollowedWorkers = maxFollowedWorkers;
        AtomicInteger n = new AtomicInteger();
        // The master's follower, the followed workers, and one for tails of failed pods.
        this.threads = Executors.newFixedThreadPool(maxFollowedWorkers + 2, r -> {
            Thread t = new Thread(r, "loadtest-k8s-" + runId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts watching the run's pods (the first events replay the pods that already exist), and its Jobs and events
     * until all workers connected or {@code startTimeout} is over.
     */
    void watch(Duration startTimeout) throws LoadTestException {
        startWatch = new StartWatch(
                client, namespace, runId, startTimeout, events, () -> pods.gatePassed() || masterExit.isDone());
        startWatch.start();
        try {
            informer = client.pods()
                    .inNamespace(namespace)
                    .withLabel(RunNames.RUN_ID_LABEL, runId)
                    .inform(new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(Pod pod) {
                            changed(pod);
                        }

                        @Override
                        public void onUpdate(Pod old, Pod pod) {
                            changed(pod);
                        }

                        @Override
                        public void onDelete(Pod pod, boolean finalStateUnknown) {
                            deleted(pod);
                        }
                    });
        } catch (KubernetesClientException e) {
            throw new LoadTestException(KubernetesErrors.describe(e, "watch the run's pods", namespace), e);
        }
    }

    private synchronized void changed(Pod pod) {
        if (closing) {
            return;
        }
        String source = pods.update(pod);
        startWatch.pod(pod, source);
        boolean master = RunPods.isMaster(pod);
        if (master
                && pod.getMetadata().getDeletionTimestamp() != null
                && !stopRequested
                && !masterExit.isDone()
                && pods.report(pod, "deleting")) {
            events.fault(
                    PodDiagnosis.describe(pod, source) + " is being deleted (by kubectl, a node drain or an"
                            + " eviction): Locust stops the test early; a result, if it still prints one, covers only"
                            + " the time until then.",
                    false);
        }
        Optional<String> blocked = PodDiagnosis.blocked(pod, source);
        if (blocked.isPresent() && !masterExit.isDone() && pods.report(pod, "blocked")) {
            events.fault(blocked.get(), true);
            fatalReported = true;
        }
        if (PodDiagnosis.running(pod)
                && !followers.containsKey(pod.getMetadata().getName())) {
            if (master) {
                masterLog = CompletableFuture.runAsync(follower(pod, source), threads);
            } else if (followedWorkers < maxFollowedWorkers) {
                followedWorkers++;
                workerLogs.put(pod.getMetadata().getName(), CompletableFuture.runAsync(follower(pod, source), threads));
            }
        }
        Optional<ContainerStateTerminated> ended = PodDiagnosis.terminated(pod);
        if (ended.isPresent() && pods.report(pod, "ended")) {
            if (master) {
                masterEnded(pod, source, ended.get().getExitCode());
            } else {
                workerEnded(pod, source, ended.get());
            }
        }
    }

    private Runnable follower(Pod pod, String source) {
        String name = pod.getMetadata().getName();
        BackendEvents sink = RunPods.isMaster(pod) ? new GateWatch(events, expectedWorkers, pods::openGate) : events;
        LogFollower follower = new LogFollower(
                client,
                namespace,
                name,
                pod.getSpec().getContainers().get(0).getName(),
                source,
                sink,
                () -> pods.ended(name));
        followers.put(name, follower);
        return follower;
    }

    private void masterEnded(Pod pod, String source, int code) {
        masterCode = code;
        if (code != 0 && !pods.gatePassed() && !fatalReported) {
            fatalReported = true;
            events.fault(
                    PodDiagnosis.describe(pod, source) + " exited with code " + code + " before all workers connected."
                            + LineTails.quote(events.tail(source)),
                    true);
        }
        CompletableFuture<Void> log =
                masterLog != null ? masterLog : CompletableFuture.runAsync(follower(pod, source), threads);
        masterLog = log;
        // The reporter's final event is among the last lines: complete once the log is read, or after a while.
        log.orTimeout(LOG_DRAIN.toSeconds(), TimeUnit.SECONDS).whenComplete((v, e) -> masterExit.complete(code));
    }

    private void workerEnded(Pod pod, String source, ContainerStateTerminated state) {
        int code = state.getExitCode();
        if (code == 0 || masterExit.isDone() || masterCode != null) {
            return; // workers end with 0 when the master tells them to quit
        }
        boolean fatal = !pods.gatePassed();
        fatalReported |= fatal;
        String what = PodDiagnosis.describe(pod, source) + " exited with code " + code
                + (state.getReason() == null ? "" : " (" + state.getReason() + ")")
                + (fatal ? " before all workers connected." : " during the run. " + REPLACED);
        CompletableFuture<Void> log = workerLogs.get(pod.getMetadata().getName());
        if (log != null) {
            // quote the last lines once the follower has read them
            log.orTimeout(LOG_DRAIN.toSeconds(), TimeUnit.SECONDS)
                    .whenComplete((v, e) -> report(what + LineTails.quote(events.tail(source)), fatal));
            return;
        }
        threads.execute(() -> report(what + LineTails.quote(tail(pod)), fatal));
    }

    /** A fault found asynchronously; dropped once the run is closing (its pods are being killed on purpose). */
    private void report(String message, boolean fatal) {
        if (!closing && !masterExit.isDone()) {
            events.fault(message, fatal);
        }
    }

    private List<String> tail(Pod pod) {
        try {
            String log = client.pods()
                    .inNamespace(namespace)
                    .withName(pod.getMetadata().getName())
                    .tailingLines(LineTails.KEPT)
                    .getLog();
            return log == null || log.isEmpty() ? List.of() : Arrays.asList(log.split("\n"));
        } catch (KubernetesClientException e) {
            return List.of("(its log could not be read: " + e.getMessage() + ")");
        }
    }

    private synchronized void deleted(Pod pod) {
        String source = pods.update(pod);
        startWatch.podDeleted(pod);
        if (closing || masterExit.isDone() || !pods.report(pod, "deleted")) {
            return;
        }
        if (RunPods.isMaster(pod)) {
            if (masterCode != null) {
                return; // it ended first; masterExit completes once its log is read
            }
            if (stopRequested) {
                masterExit.complete(masterCode == null ? 143 : masterCode);
                return;
            }
            String message = PodDiagnosis.describe(pod, source) + " was deleted during the run (by kubectl, a"
                    + " node drain or an eviction); the test ended without a result. Run it again, and check the"
                    + " namespace's events if it happens again.";
            events.fault(message, true);
            masterExit.completeExceptionally(new LoadTestException(message));
        } else if (!pods.ended(pod.getMetadata().getName()) && !fatalReported) {
            // (after a fatal fault, the Job controller deleting the other pods of a failed Job is no news)
            boolean fatal = !pods.gatePassed();
            events.fault(
                    PodDiagnosis.describe(pod, source) + " was deleted during the run (by kubectl, a node"
                            + " drain or an eviction). " + REPLACED,
                    fatal);
        }
    }

    @Override
    public CompletableFuture<Integer> masterExit() {
        return masterExit;
    }

    /** Deleting the master pod makes the kubelet send SIGTERM: Locust stops the test and prints its final stats. */
    @Override
    public synchronized void stop() {
        stopRequested = true;
        try {
            client.pods()
                    .inNamespace(namespace)
                    .withLabel(RunNames.RUN_ID_LABEL, runId)
                    .withLabel(RunNames.COMPONENT_LABEL, "master")
                    .delete();
        } catch (KubernetesClientException e) {
            events.fault(KubernetesErrors.describe(e, "stop the master pod", namespace), false);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
        }
        // Cleanup must run to its end even when the build was aborted (interrupted): clear the flag, restore it.
        boolean interrupted = Thread.interrupted();
        try {
            SharedIndexInformer<Pod> watching = informer;
            if (watching != null) {
                watching.close();
            }
            if (startWatch != null) {
                startWatch.close();
            }
            followers.values().forEach(LogFollower::close);
            threads.shutdownNow();
            List<String> problems =
                    resources.delete(plan.configMap().getMetadata().getName(), CLEANUP_TIMEOUT);
            if (!problems.isEmpty()) {
                events.fault(
                        "Cleanup of run " + runId + " in namespace " + namespace + " is incomplete: "
                                + String.join("; ", problems)
                                + ". Remove the leftovers with 'loadtest sweep' or delete the"
                                + " objects labelled " + RunNames.RUN_ID_LABEL + "=" + runId + ".",
                        false);
            }
            masterExit.completeExceptionally(new LoadTestException("The run was closed."));
        } finally {
            // an interrupt during cleanup (the deletions are already sent) only cuts the wait short
            interrupted |= Thread.interrupted();
            client.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reconnections of the followed logs so far (streams that dropped and were resumed). */
    int logReconnects() {
        return followers.values().stream().mapToInt(LogFollower::reconnects).sum();
    }
}
