package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The node, the Job controller and the garbage collector of the test cluster: watches Jobs and runs their pods as
 * local processes, writes pod and Job status, serves container logs, deletes the dependents of deleted owners and
 * terminates the processes of deleted pods.
 */
final class TestKubelet implements AutoCloseable {
    private static final long MAX_GRACE_SECONDS = 10;

    private final KubernetesClient client;
    private final Path venv;
    private final Path root;
    private final PodFaults faults = new PodFaults();
    private final LocalNetwork network = new LocalNetwork();
    private final JobController jobs = new JobController(this);
    private final Map<String, ContainerLog> logs = new ConcurrentHashMap<>();
    private final Map<String, PodRunner> runners = new ConcurrentHashMap<>();
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final ExecutorService work = Executors.newCachedThreadPool(daemon("kubelet-work"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("kubelet-timer"));

    TestKubelet(KubernetesClient client, Path venv, Path root) {
        this.client = client;
        this.venv = venv;
        this.root = root;
    }

    void start() {
        informers.add(client.batch().v1().jobs().inAnyNamespace().inform(handler(jobs::jobAdded, job -> {
            jobs.jobDeleted(job);
            collectGarbage(job);
        })));
        informers.add(client.pods().inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                onUpdate(null, pod);
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                if (pod.getMetadata().getDeletionTimestamp() != null) {
                    work.execute(() -> podDeletionRequested(pod));
                }
            }

            @Override
            public void onDelete(Pod pod, boolean unknown) {
                jobs.podDeleted(pod);
                network.release(pod);
                collectGarbage(pod);
            }
        }));
        informers.add(client.configMaps().inAnyNamespace().inform(handler(cm -> {}, this::collectGarbage)));
        informers.add(client.services().inAnyNamespace().inform(handler(svc -> {}, this::collectGarbage)));
    }

    private static <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> added, Consumer<T> deleted) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                added.accept(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                // status changes are ours
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                deleted.accept(obj);
            }
        };
    }

    PodFaults faults() {
        return faults;
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

    /** Processes still running (all pods' containers); the tests expect none after a run's cleanup. */
    List<ProcessHandle> liveProcesses() {
        return processes.stream()
                .filter(Process::isAlive)
                .map(Process::toHandle)
                .toList();
    }

    void track(Process process) {
        processes.add(process);
    }

    void later(long millis, Runnable action) {
        timers.schedule(() -> work.execute(action), millis, TimeUnit.MILLISECONDS);
    }

    /** Called by the Job controller: the pod object is created, then run on this node. */
    void podCreated(Pod pod) {
        network.assign(pod);
        Pod created = client.pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .resource(pod)
                .create();
        PodRunner runner =
                new PodRunner(this, created, root.resolve(created.getMetadata().getName()));
        runners.put(key(created), runner);
        work.execute(runner::start);
        Long deadline = created.getSpec().getActiveDeadlineSeconds();
        if (deadline != null) {
            later(deadline * 1000, runner::deadlineExceeded);
        }
    }

    void podFinished(Pod pod, boolean succeeded) {
        jobs.podFinished(pod, succeeded);
    }

    void deletePod(String namespace, String name) {
        work.execute(() -> client.pods().inNamespace(namespace).withName(name).delete());
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

    void editPodStatus(Pod pod, Consumer<PodStatus> change) {
        try {
            client.pods()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName())
                    .editStatus(p -> {
                        change.accept(p.getStatus());
                        return p;
                    });
        } catch (KubernetesClientException e) {
            // the pod is gone: nothing to report on
        }
    }

    void event(Pod pod, String reason, String source, String message) {
        String type = reason.startsWith("Failed") || reason.equals("Failed") ? "Warning" : "Normal";
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
                            .withKind("Pod")
                            .withName(pod.getMetadata().getName())
                            .withNamespace(pod.getMetadata().getNamespace())
                            .withUid(pod.getMetadata().getUid())
                            .endInvolvedObject()
                            .withType(type)
                            .withReason(reason)
                            .withMessage(message)
                            .withNewSource(source, "test-node")
                            .withLastTimestamp(PodStatuses.now())
                            .withCount(1)
                            .build())
                    .create();
        } catch (KubernetesClientException e) {
            // events are best effort, as in Kubernetes
        }
    }

    private void podDeletionRequested(Pod pod) {
        PodRunner runner = runners.remove(key(pod));
        Long grace = pod.getSpec().getTerminationGracePeriodSeconds();
        long seconds = Math.min(grace == null ? 30 : grace, MAX_GRACE_SECONDS);
        Runnable release = () -> {
            try {
                client.pods()
                        .inNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName())
                        .edit(p -> {
                            p.getMetadata().getFinalizers().remove(JobController.FINALIZER);
                            return p;
                        });
            } catch (KubernetesClientException e) {
                // already gone
            }
        };
        if (runner == null) {
            release.run();
        } else {
            runner.terminate(seconds, release);
        }
    }

    /** Deletes whatever the deleted object owned, as the garbage collector does for background propagation. */
    private void collectGarbage(HasMetadata owner) {
        String uid = owner.getMetadata().getUid();
        String ns = owner.getMetadata().getNamespace();
        work.execute(() -> {
            try {
                deleteDependents(uid, ns);
            } catch (KubernetesClientException e) {
                // the cluster is shutting down
            }
        });
    }

    private void deleteDependents(String uid, String ns) {
        {
            List<HasMetadata> all = new ArrayList<>();
            all.addAll(client.configMaps().inNamespace(ns).list().getItems());
            all.addAll(client.services().inNamespace(ns).list().getItems());
            all.addAll(client.batch().v1().jobs().inNamespace(ns).list().getItems());
            all.addAll(client.pods().inNamespace(ns).list().getItems());
            all.stream()
                    .filter(o -> o.getMetadata().getOwnerReferences() != null
                            && o.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid())))
                    .forEach(o -> {
                        try {
                            client.resource(o).delete();
                        } catch (KubernetesClientException e) {
                            // deleted meanwhile
                        }
                    });
        }
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        timers.shutdownNow();
        work.shutdownNow();
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
