package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jenkins.plugins.locust.kubernetes.RunLifecycle.Stage;
import io.jenkins.plugins.locust.run.Backend;
import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunHandle;
import java.time.Duration;
import java.time.Instant;
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
 * What it does with each pod event depends on the run's {@link RunLifecycle stage} alone; a handle made by
 * {@link #attach()} starts mid-lifecycle and replays the master's log from its start.
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
    private final String runId;
    private final LineTails events;
    private final RunResources resources;
    private final RunPods pods;
    private final RunLifecycle lifecycle = new RunLifecycle();
    private final int expectedWorkers;
    private final int maxFollowedWorkers;
    private final ExecutorService threads;
    private final CompletableFuture<Integer> masterExit = new CompletableFuture<>();
    private final Map<String, LogFollower> followers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> workerLogs = new ConcurrentHashMap<>();
    private volatile SharedIndexInformer<Pod> informer;
    private volatile StartWatch startWatch;
    /** Log lines stamped earlier were passed on before a restart: only the reporter's events are replayed. */
    private volatile Instant replayedBefore;

    private int followedWorkers;
    private CompletableFuture<Void> masterLog;

    KubernetesRun(
            KubernetesClient client,
            String namespace,
            String runId,
            int expectedWorkers,
            int maxFollowedWorkers,
            LineTails events,
            RunResources resources) {
        this.client = client;
        this.namespace = namespace;
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
     * Starts watching the pods of a run just created (the first events replay the pods that already exist), and its
     * Jobs and events until all workers connected or {@code startTimeout} is over.
     */
    void watch(Duration startTimeout) throws LoadTestException {
        lifecycle.advance(Stage.STARTING);
        startWatch = new StartWatch(client, namespace, runId, startTimeout, events, () -> !lifecycle.starting());
        startWatch.start();
        inform();
    }

    /**
     * Takes over a run an earlier process started: its stage comes from the master's log so far (did every worker
     * connect?), then the pods are watched and the master's log is followed from its start again.
     *
     * @throws LoadTestException when the master pod is gone: without it there is no result (the caller closes the
     *     run, which removes what is left)
     */
    void attach() throws LoadTestException {
        List<Pod> existing;
        try {
            existing = client.pods()
                    .inNamespace(namespace)
                    .withLabel(RunNames.RUN_ID_LABEL, runId)
                    .list()
                    .getItems();
        } catch (KubernetesClientException e) {
            throw new LoadTestException(KubernetesErrors.describe(e, "list the run's pods", namespace), e);
        }
        Pod master = existing.stream().filter(RunPods::isMaster).findFirst().orElse(null);
        if (master == null) {
            throw new LoadTestException("Run " + runId + " cannot be resumed: its master pod is gone from namespace "
                    + namespace + " ("
                    + (existing.isEmpty() ? "no pod of the run is left" : existing.size() + " worker pod(s) left")
                    + "), deleted while no one followed the run (kubectl, a node drain, 'loadtest sweep', or the"
                    + " Job's clean-up after it finished). Without the master there is no result; what was left of"
                    + " the run is removed. Run the test again.");
        }
        replayedBefore = Instant.now();
        lifecycle.advance(gatePassed(master) ? Stage.RUNNING : Stage.STARTING);
        inform();
    }

    /** Whether the master's log so far shows every worker connected. */
    private boolean gatePassed(Pod master) throws LoadTestException {
        try {
            String log = client.pods()
                    .inNamespace(namespace)
                    .withName(master.getMetadata().getName())
                    .inContainer(master.getSpec().getContainers().get(0).getName())
                    .getLog();
            return log != null && log.lines().anyMatch(line -> GateWatch.opens(line, expectedWorkers));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 400) {
                return false; // the container has not started: nothing logged yet
            }
            throw new LoadTestException(KubernetesErrors.describe(e, "read the master's log", namespace), e);
        }
    }

    private void inform() throws LoadTestException {
        try {
            // what inform(handler) does, with a cache that drops what the engine never reads
            SharedIndexInformer<Pod> watching = client.pods()
                    .inNamespace(namespace)
                    .withLabel(RunNames.RUN_ID_LABEL, runId)
                    .runnableInformer(0);
            watching.itemStore(new LeanPodStore());
            informer = watching.addEventHandler(new ResourceEventHandler<>() {
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
                    })
                    .run();
        } catch (KubernetesClientException e) {
            throw new LoadTestException(KubernetesErrors.describe(e, "watch the run's pods", namespace), e);
        }
    }

    private synchronized void changed(Pod pod) {
        if (lifecycle.is(Stage.CLOSED)) {
            return;
        }
        String source = pods.update(pod);
        if (startWatch != null) {
            startWatch.pod(pod, source);
        }
        boolean master = RunPods.isMaster(pod);
        if (master
                && pod.getMetadata().getDeletionTimestamp() != null
                && lifecycle.masterDeletionIsNews()
                && pods.report(pod, "deleting")) {
            events.fault(
                    PodDiagnosis.describe(pod, source) + " is being deleted (by kubectl, a node drain or an"
                            + " eviction): Locust stops the test early; a result, if it still prints one, covers only"
                            + " the time until then.",
                    false);
        }
        Optional<String> blocked = PodDiagnosis.blocked(pod, source);
        if (blocked.isPresent() && lifecycle.live() && pods.report(pod, "blocked")) {
            events.fault(blocked.get(), true);
            lifecycle.advance(Stage.FAILED);
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
        BackendEvents sink = RunPods.isMaster(pod)
                ? new GateWatch(events, expectedWorkers, () -> lifecycle.advance(Stage.RUNNING))
                : events;
        LogFollower follower = new LogFollower(
                client,
                namespace,
                name,
                pod.getSpec().getContainers().get(0).getName(),
                source,
                sink,
                () -> pods.ended(name),
                replayedBefore);
        followers.put(name, follower);
        return follower;
    }

    private void masterEnded(Pod pod, String source, int code) {
        if (code != 0 && lifecycle.is(Stage.STARTING)) {
            events.fault(
                    PodDiagnosis.describe(pod, source) + " exited with code " + code + " before all workers connected."
                            + LineTails.quote(events.tail(source)),
                    true);
            lifecycle.advance(Stage.FAILED);
        }
        lifecycle.advance(Stage.DRAINING);
        CompletableFuture<Void> log =
                masterLog != null ? masterLog : CompletableFuture.runAsync(follower(pod, source), threads);
        masterLog = log;
        // The reporter's final event is among the last lines: complete once the log is read, or after a while.
        log.orTimeout(LOG_DRAIN.toSeconds(), TimeUnit.SECONDS).whenComplete((v, e) -> end(code));
    }

    private void workerEnded(Pod pod, String source, ContainerStateTerminated state) {
        int code = state.getExitCode();
        // workers end with 0 when the master tells them to quit; once the master ended, their end is no news
        if (code == 0 || !lifecycle.is(Stage.STARTING, Stage.RUNNING, Stage.FAILED, Stage.STOPPING)) {
            return;
        }
        boolean fatal = lifecycle.starting();
        if (fatal) {
            lifecycle.advance(Stage.FAILED);
        }
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

    /** A fault found asynchronously; dropped once the master's end is known or the run is closing. */
    private void report(String message, boolean fatal) {
        if (lifecycle.live()) {
            events.fault(message, fatal);
        }
    }

    /** The master's exit is known: the runner takes over. */
    private void end(int code) {
        lifecycle.advance(Stage.ENDED);
        masterExit.complete(code);
    }

    private void lost(LoadTestException cause) {
        lifecycle.advance(Stage.ENDED);
        masterExit.completeExceptionally(cause);
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
        if (startWatch != null) {
            startWatch.podDeleted(pod);
        }
        if (!lifecycle.live() || !pods.report(pod, "deleted")) {
            return;
        }
        if (RunPods.isMaster(pod)) {
            if (lifecycle.is(Stage.DRAINING)) {
                return; // it ended first; masterExit completes once its log is read
            }
            if (lifecycle.is(Stage.STOPPING)) {
                end(143);
                return;
            }
            String message = PodDiagnosis.describe(pod, source) + " was deleted during the run (by kubectl, a"
                    + " node drain or an eviction); the test ended without a result. Run it again, and check the"
                    + " namespace's events if it happens again.";
            events.fault(message, true);
            lost(new LoadTestException(message));
        } else if (!pods.ended(pod.getMetadata().getName()) && lifecycle.lossIsNews()) {
            // (after a failed start, the Job controller deleting the other pods of a failed Job is no news)
            boolean fatal = lifecycle.starting();
            if (fatal) {
                lifecycle.advance(Stage.FAILED);
            }
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
        lifecycle.advance(Stage.STOPPING);
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
    public String namespace() {
        return namespace;
    }

    @Override
    public void close() {
        synchronized (this) { // after a pod event being handled now, before the next
            if (!lifecycle.advance(Stage.CLOSED)) {
                return;
            }
        }
        // Cleanup must run to its end even when the build was aborted (interrupted): clear the flag, restore it.
        boolean interrupted = Thread.interrupted();
        try {
            stopFollowing();
            List<String> problems = resources.delete(RunNames.of(runId).configMap(), CLEANUP_TIMEOUT);
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

    /** Lets go of the run and leaves its objects (a controller going away); {@link Backend#attach} takes it over. */
    @Override
    public void detach() {
        synchronized (this) {
            if (!lifecycle.advance(Stage.CLOSED)) {
                return;
            }
        }
        stopFollowing();
        masterExit.completeExceptionally(new LoadTestException("The run was detached; it goes on in the cluster."));
        client.close();
    }

    private void stopFollowing() {
        SharedIndexInformer<Pod> watching = informer;
        if (watching != null) {
            watching.close();
        }
        if (startWatch != null) {
            startWatch.close();
        }
        followers.values().forEach(LogFollower::close);
        threads.shutdownNow();
    }

    RunLifecycle.Stage stage() {
        return lifecycle.stage();
    }

    /** Reconnections of the followed logs so far (streams that dropped and were resumed). */
    int logReconnects() {
        return followers.values().stream().mapToInt(LogFollower::reconnects).sum();
    }
}
