package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jenkins.plugins.locust.run.BackendEvents;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.spec.DurationParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What a run's pods cannot say themselves, while they start: a pod the Job controller could not create (admission,
 * quota, LimitRange, service account: only a {@code FailedCreate} event on the Job tells), a Job that failed, the
 * cluster autoscaler saying it will not add a node ({@code NotTriggerScaleUp}), and at the start deadline, which pods
 * are still waiting for a node or sit on a node that never started them. A pod waiting for a node is reported as
 * progress, not as a failure: that is the moment an autoscaler adds one.
 */
final class StartWatch implements AutoCloseable {
    /** Fired this much before startTimeout, so that the runner's generic timeout message never comes first. */
    static final Duration DEADLINE_LEAD = Duration.ofSeconds(1);

    static final String SOURCE = "kubernetes";

    private final KubernetesClient client;
    private final String namespace;
    private final RunNames names;
    private final Duration startTimeout;
    private final BackendEvents events;
    private final BooleanSupplier started;
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Set<String> said = new HashSet<>();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private boolean fatal;

    /** @param started true once all workers connected (or the master ended): then nothing here matters any more */
    StartWatch(
            KubernetesClient client,
            String namespace,
            String runId,
            Duration startTimeout,
            BackendEvents events,
            BooleanSupplier started) {
        this.client = client;
        this.namespace = namespace;
        this.names = RunNames.of(runId);
        this.startTimeout = startTimeout;
        this.events = events;
        this.started = started;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadtest-k8s-" + runId + "-start");
            t.setDaemon(true);
            return t;
        });
    }

    /** Watches the run's Jobs and the events about them and their pods, and arms the start deadline. */
    void start() throws LoadTestException {
        try {
            informers.add(client.v1().events().inNamespace(namespace).inform(handler(this::event)));
            informers.add(client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(namespace)
                    .withLabel(RunNames.RUN_ID_LABEL, names.runId())
                    .inform(handler(this::job)));
        } catch (KubernetesClientException e) {
            throw new LoadTestException(
                    KubernetesErrors.describe(e, "watch the run's Jobs and their events", namespace), e);
        }
        long delay = Math.max(0, startTimeout.minus(DEADLINE_LEAD).toMillis());
        timer.schedule(this::deadline, delay, TimeUnit.MILLISECONDS);
    }

    /** The latest state of one of the run's pods, as the run's pod watch saw it. */
    synchronized void pod(Pod pod, String source) {
        String name = pod.getMetadata().getName();
        pods.put(name, pod);
        sources.put(name, source);
        if (started.getAsBoolean()) {
            return;
        }
        PodDiagnosis.unschedulable(pod).ifPresent(message -> {
            if (said.add("waiting: " + message)) {
                events.line(
                        SOURCE,
                        "waiting for a node: " + message + " (" + source + "; the run waits up to startTimeout "
                                + DurationParser.format(startTimeout) + " for the cluster to add one)");
            }
        });
    }

    synchronized void podDeleted(Pod pod) {
        pods.remove(pod.getMetadata().getName());
    }

    private synchronized void event(Event event) {
        if (event.getInvolvedObject() == null || started.getAsBoolean()) {
            return;
        }
        String kind = event.getInvolvedObject().getKind();
        String name = String.valueOf(event.getInvolvedObject().getName());
        String message = String.valueOf(event.getMessage()).strip();
        if ("Job".equals(kind) && "FailedCreate".equals(event.getReason()) && isRunJob(name)) {
            fail("Kubernetes cannot create the " + role(name) + " pods of Job " + name + ": " + message + ". "
                    + PodCreation.hint(message));
        } else if ("Pod".equals(kind) && "NotTriggerScaleUp".equals(event.getReason()) && pods.containsKey(name)) {
            Pod pod = pods.get(name);
            String scheduler = PodDiagnosis.unschedulable(pod).orElse("");
            if (!scheduler.isEmpty()) {
                fail(PodDiagnosis.describe(pod, sources.get(name)) + " cannot be scheduled (" + scheduler + ") and"
                        + " the cluster autoscaler will not add a node for it: " + message + ". "
                        + PodDiagnosis.schedulingHint(scheduler));
            }
        }
    }

    private synchronized void job(Job job) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null || started.getAsBoolean()) {
            return;
        }
        for (JobCondition condition : job.getStatus().getConditions()) {
            // pods that crashed say more themselves (exit code, last log lines) than BackoffLimitExceeded
            if ("Failed".equals(condition.getType())
                    && "True".equals(condition.getStatus())
                    && !"BackoffLimitExceeded".equals(condition.getReason())) {
                fail("The " + role(job.getMetadata().getName()) + " Job "
                        + job.getMetadata().getName() + " failed (" + condition.getReason() + ": "
                        + condition.getMessage() + ").");
            }
        }
    }

    /** At startTimeout: name the pods that never got a node, or whose node never started them. */
    private synchronized void deadline() {
        if (started.getAsBoolean() || fatal) {
            return;
        }
        List<String> causes = new ArrayList<>();
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        for (Map.Entry<String, Pod> entry : pods.entrySet()) {
            Pod pod = entry.getValue();
            String source = sources.get(entry.getKey());
            PodDiagnosis.unschedulable(pod).ifPresent(m -> waiting.computeIfAbsent(m, k -> new ArrayList<>())
                    .add(source));
            PodDiagnosis.boundButNotStarted(pod)
                    .ifPresent(node -> causes.add(PodDiagnosis.describe(pod, source) + " was bound to node " + node
                            + " but never started there (its kubelet reported no container): the node is NotReady"
                            + " or its kubelet is down; check 'kubectl describe node " + node + "'."));
        }
        waiting.forEach((message, waiters) -> causes.add(
                0,
                waiters.size() + " pod" + (waiters.size() == 1 ? "" : "s")
                        + " (" + String.join(", ", waiters) + ") still waiting for a node after startTimeout ("
                        + DurationParser.format(startTimeout) + "): " + message + " "
                        + PodDiagnosis.schedulingHint(message)));
        if (!causes.isEmpty()) {
            fail(String.join(" ", causes));
        }
    }

    private void fail(String message) {
        if (!fatal) {
            fatal = true;
            events.fault(message, true);
        }
    }

    private boolean isRunJob(String name) {
        return name.equals(names.masterJob()) || name.equals(names.workerJob());
    }

    private String role(String jobName) {
        return jobName.equals(names.masterJob()) ? "master" : "worker";
    }

    private static <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> changed) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                changed.accept(object);
            }

            @Override
            public void onUpdate(T old, T object) {
                changed.accept(object);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                // nothing to learn from a deletion here
            }
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        informers.forEach(SharedIndexInformer::close);
    }
}
