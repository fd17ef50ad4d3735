package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The test cluster's node agent, doing against the real API server what a kubelet does: registers its {@link
 * TestNodes}, runs the pods the scheduler bound to them as local processes ({@link PodRunner}), writes their status,
 * serves their logs ({@link LogEndpoint}) and honours graceful deletion (stop the processes, then delete the pod
 * with grace 0 and a UID precondition). One per JVM, shared by the test clusters (each a namespace), stopped with
 * the JVM; every process it starts is killed at the latest then.
 */
final class TestKubelet implements AutoCloseable {
    private static final long MAX_GRACE_SECONDS = 10;

    private record Tracked(String namespace, Process process) {}

    private static TestKubelet shared;

    private final ControlPlane plane;
    private final KubernetesClient client;
    private final Path venv;
    private final Path root;
    private final LocalNetwork network = new LocalNetwork();
    private final Map<String, KubeletHooks> hooks = new ConcurrentHashMap<>();
    private final Map<String, ContainerLog> logs = new ConcurrentHashMap<>();
    private final Map<String, PodRunner> runners = new ConcurrentHashMap<>();
    private final Set<String> deleting = ConcurrentHashMap.newKeySet();
    private final List<Tracked> processes = new CopyOnWriteArrayList<>();
    private final ExecutorService work = Executors.newCachedThreadPool(daemon("kubelet-work"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("kubelet-timer"));
    private final LogEndpoint endpoint;
    private final TestNodes nodes;
    private final SharedIndexInformer<Pod> informer;

    private TestKubelet(ControlPlane plane, Path venv) throws IOException, InterruptedException {
        this.plane = plane;
        this.client = plane.admin();
        this.venv = venv;
        this.root = Files.createTempDirectory("test-kubelet");
        this.endpoint = new LogEndpoint(this, plane.pki().serverContext());
        this.nodes = new TestNodes(client, endpoint.port());
        nodes.register();
        timers.scheduleAtFixedRate(() -> work.execute(nodes::renewLeases), 10, 10, TimeUnit.SECONDS);
        informer = client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                onUpdate(null, pod);
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                if (nodes.owns(pod)) {
                    podChanged(pod);
                }
            }

            @Override
            public void onDelete(Pod pod, boolean unknown) {
                if (nodes.owns(pod)) {
                    podGone(pod);
                }
            }
        });
        nodes.awaitSchedulable();
    }

    /** The JVM's kubelet on the JVM's control plane, running pods with the venv of {@code locust.venv}. */
    static synchronized TestKubelet shared() {
        if (shared == null) {
            ControlPlane plane = ControlPlane.shared();
            try {
                shared = new TestKubelet(
                        plane,
                        Path.of(System.getProperty("locust.venv", ".venv")).toAbsolutePath());
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test kubelet: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the test kubelet", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-kubelet-stop"));
        }
        return shared;
    }

    ControlPlane plane() {
        return plane;
    }

    KubeletHooks hooks(String namespace) {
        return hooks.computeIfAbsent(namespace, ns -> new KubeletHooks());
    }

    LocalNetwork network() {
        return network;
    }

    KubernetesClient client() {
        return client;
    }

    Path venv() {
        return venv;
    }

    ContainerLog log(String namespace, String pod, String container) {
        return logs.computeIfAbsent(namespace + "/" + pod + "/" + container, k -> new ContainerLog());
    }

    /** The log of a container that has started at least once, if any. */
    ContainerLog existingLog(String namespace, String pod, String container) {
        return logs.get(namespace + "/" + pod + "/" + container);
    }

    /** The pod as this kubelet last wrote it (its status included), or null if it does not run here. */
    Pod pod(String namespace, String name) {
        PodRunner runner = runners.get(namespace + "/" + name);
        return runner == null ? null : runner.current();
    }

    /** Pod processes of the namespace still running; the tests expect none after a run's cleanup. */
    List<ProcessHandle> liveProcesses(String namespace) {
        return processes.stream()
                .filter(t -> t.namespace().equals(namespace) && t.process().isAlive())
                .map(t -> t.process().toHandle())
                .toList();
    }

    void track(Pod pod, Process process) {
        processes.add(new Tracked(pod.getMetadata().getNamespace(), process));
    }

    void later(long millis, Runnable action) {
        timers.schedule(() -> work.execute(action), millis, TimeUnit.MILLISECONDS);
    }

    /** A test cluster is done with its namespace: its processes are killed now, its pods forgotten. */
    void forget(String namespace) {
        runners.values().removeIf(r -> namespace.equals(r.namespace()));
        for (Tracked t : processes) {
            if (t.namespace().equals(namespace)) {
                kill(t.process());
            }
        }
        processes.removeIf(t -> t.namespace().equals(namespace));
        logs.keySet().removeIf(k -> k.startsWith(namespace + "/"));
        hooks.remove(namespace);
    }

    private void podChanged(Pod pod) {
        String key = key(pod);
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            if (deleting.add(pod.getMetadata().getUid())) {
                work.execute(() -> deletionRequested(pod));
            }
            return;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return;
        }
        if (runners.containsKey(key)) {
            return;
        }
        PodRunner runner =
                new PodRunner(this, pod, root.resolve(pod.getMetadata().getUid()));
        if (runners.putIfAbsent(key, runner) == null) {
            network.assign(pod);
            work.execute(runner::start);
            Long deadline = pod.getSpec().getActiveDeadlineSeconds();
            if (deadline != null) {
                later(deadline * 1000, runner::deadlineExceeded);
            }
        }
    }

    /** Graceful deletion: stop the containers within the grace period, then remove the pod for good. */
    private void deletionRequested(Pod pod) {
        PodRunner runner = runners.get(key(pod));
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        if (grace == null) {
            grace = pod.getSpec().getTerminationGracePeriodSeconds();
        }
        if (runner != null && pod.getMetadata().getUid().equals(runner.uid())) {
            runner.terminate(Math.min(grace == null ? 30 : grace, MAX_GRACE_SECONDS));
        }
        PodDeletion.deleteNow(plane, pod);
    }

    private void podGone(Pod pod) {
        PodRunner runner = runners.get(key(pod));
        if (runner != null && pod.getMetadata().getUid().equals(runner.uid())) {
            runners.remove(key(pod));
            // deleted with grace 0 by someone else: the kubelet kills what still runs
            work.execute(() -> runner.terminate(0));
        }
        deleting.remove(pod.getMetadata().getUid());
        network.release(pod);
    }

    LocalNetwork.Endpoint resolveMaster(String namespace, String host, int port) {
        String[] labels = host.split("\\.");
        String ns = labels.length > 1 && !labels[1].equals("svc") ? labels[1] : namespace;
        if (host.matches("[0-9.]+")) {
            return new LocalNetwork.Endpoint(host, port);
        }
        Service service = client.services().inNamespace(ns).withName(labels[0]).get();
        return service == null
                ? new LocalNetwork.Endpoint(host, port)
                : network.resolve(service, port).orElse(new LocalNetwork.Endpoint(host, port));
    }

    /** Writes the pod's status as the kubelet does: a strategic merge patch with a UID precondition. */
    void writeStatus(Pod pod, PodStatus status) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("metadata", Map.of("uid", pod.getMetadata().getUid()));
        patch.put("status", status);
        try {
            client.pods()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName())
                    .subresource("status")
                    .patch(
                            PatchContext.of(PatchType.STRATEGIC_MERGE),
                            client.getKubernetesSerialization().asJson(patch));
        } catch (KubernetesClientException e) {
            // the pod is gone (or replaced): nothing to report on
        }
    }

    void event(Pod pod, String reason, String message) {
        String type = reason.startsWith("Failed") || reason.equals("BackOff") ? "Warning" : "Normal";
        try {
            client.v1()
                    .events()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .resource(new EventBuilder()
                            .withNewMetadata()
                            .withGenerateName(pod.getMetadata().getName() + ".")
                            .withNamespace(pod.getMetadata().getNamespace())
                            .endMetadata()
                            .withNewInvolvedObject()
                            .withApiVersion("v1")
                            .withKind("Pod")
                            .withName(pod.getMetadata().getName())
                            .withNamespace(pod.getMetadata().getNamespace())
                            .withUid(pod.getMetadata().getUid())
                            .endInvolvedObject()
                            .withType(type)
                            .withReason(reason)
                            .withMessage(message)
                            .withNewSource("kubelet", pod.getSpec().getNodeName())
                            .withReportingComponent("kubelet")
                            .withReportingInstance(pod.getSpec().getNodeName())
                            .withFirstTimestamp(PodStatuses.now())
                            .withLastTimestamp(PodStatuses.now())
                            .withCount(1)
                            .build())
                    .create();
        } catch (KubernetesClientException e) {
            // events are best effort, as in Kubernetes
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        informer.close();
        timers.shutdownNow();
        work.shutdownNow();
        endpoint.close();
        processes.forEach(t -> kill(t.process()));
        for (Tracked t : processes) {
            try {
                t.process().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }
}
