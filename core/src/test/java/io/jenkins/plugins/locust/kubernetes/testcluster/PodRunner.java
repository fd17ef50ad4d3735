package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.locust.kubernetes.testcluster.LocalCommand.ContainerConfigException;
import io.jenkins.plugins.locust.kubernetes.testcluster.PodSetup.MountException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One pod the scheduler bound to a test node: its address, its volumes, its first container as a real local process
 * with the output kept as the container log (or an image pull fault, or a crash), restarts by restart policy, and
 * termination on delete (SIGTERM, SIGKILL after the grace period). The kubelet's view of its status is kept here and
 * written to the API server after each change.
 */
final class PodRunner {
    private final TestKubelet kubelet;
    private final Pod pod;
    private final Container container;
    private final ContainerLog log;
    private final Path podDir;
    private final PodStatus status;
    private volatile Process process;
    private volatile Thread reader;
    private volatile boolean terminating;
    private boolean finished;

    PodRunner(TestKubelet kubelet, Pod pod, Path podDir) {
        this.kubelet = kubelet;
        this.pod = pod;
        this.container = pod.getSpec().getContainers().get(0);
        this.podDir = podDir;
        this.status = pod.getStatus() == null ? new PodStatus() : new PodStatusBuilder(pod.getStatus()).build();
        if (pod.getStatus() == null) {
            pod.setStatus(new PodStatus());
        }
        this.log =
                kubelet.log(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), container.getName());
    }

    String name() {
        return pod.getMetadata().getName();
    }

    String namespace() {
        return pod.getMetadata().getNamespace();
    }

    String uid() {
        return pod.getMetadata().getUid();
    }

    /** The pod with the status this kubelet last wrote. */
    synchronized Pod current() {
        return new PodBuilder(pod)
                .withStatus(new PodStatusBuilder(status).build())
                .build();
    }

    void start() {
        Optional<PodFaults.Fault> fault = kubelet.hooks(namespace()).faults().take(pod);
        String image = container.getImage();
        String ip = kubelet.network().assign(pod);
        pod.getStatus().setPodIP(ip);
        status(s -> PodStatuses.started(s, ip, image, container.getName()));
        if (fault.filter(f -> f.kind() == PodFaults.Kind.IMAGE_PULL).isPresent() || PodFaults.unpullable(image)) {
            String message =
                    "rpc error: code = NotFound desc = failed to pull and unpack image \"" + image + "\": not found";
            status(s -> PodStatuses.waiting(s, container.getName(), image, "ErrImagePull", message));
            kubelet.event(pod, "Failed", "Failed to pull image \"" + image + "\": " + message);
            kubelet.later(
                    1000,
                    () -> status(s -> PodStatuses.waiting(
                            s,
                            container.getName(),
                            image,
                            "ImagePullBackOff",
                            "Back-off pulling image \"" + image + "\"")));
            kubelet.later(1000, () -> kubelet.event(pod, "BackOff", "Back-off pulling image \"" + image + "\""));
            return;
        }
        try {
            Files.createDirectories(podDir.resolve("home"));
            Map<String, Path> mounts = retried(() -> PodSetup.mount(kubelet.client(), pod, container, podDir));
            Map<String, String> env = retried(() -> PodSetup.env(kubelet.client(), pod, container));
            LocalCommand command = LocalCommand.of(
                    pod,
                    container,
                    kubelet.venv(),
                    mounts,
                    podDir.resolve("home"),
                    port -> kubelet.network().port(pod, port),
                    (host, port) -> kubelet.resolveMaster(namespace(), host, port),
                    env);
            command = PodSetup.hostAliases(pod, command, podDir);
            if (fault.filter(f -> f.kind() == PodFaults.Kind.CRASH).isPresent()) {
                crash(fault.get());
            } else if (fault.filter(f -> f.kind() == PodFaults.Kind.REPLACE_COMMAND)
                    .isPresent()) {
                launch(replaced(command, fault.get().lines()));
            } else {
                launch(command);
            }
        } catch (MountException e) {
            kubelet.event(pod, "FailedMount", e.getMessage());
        } catch (ContainerConfigException e) {
            status(s ->
                    PodStatuses.waiting(s, container.getName(), image, "CreateContainerConfigError", e.getMessage()));
            kubelet.event(pod, "Failed", "Error: " + e.getMessage());
        } catch (IOException e) {
            status(s -> PodStatuses.waiting(s, container.getName(), image, "RunContainerError", e.getMessage()));
        }
    }

    private interface Setup<T> {
        T get() throws IOException, MountException, ContainerConfigException;
    }

    /**
     * A real kubelet retries a volume or an env source it could not read (e.g. hundreds of pods starting at once keep
     * the API server too busy to answer within the client's timeout); a pod that never starts would fail the run.
     */
    private <T> T retried(Setup<T> setup) throws IOException, MountException, ContainerConfigException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return setup.get();
            } catch (KubernetesClientException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the API server did not answer the pod's setup for 60 s", e);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while retrying the pod's setup", interrupted);
                }
            }
        }
    }

    private static LocalCommand replaced(LocalCommand original, List<String> template) {
        LocustFlags flags = new LocustFlags(new ArrayList<>(original.argv()), original.env());
        List<String> argv = new ArrayList<>();
        for (String part : template) {
            argv.add(part.replace("{MASTER_HOST}", flags.value("--master-host", "LOCUST_MASTER_NODE_HOST", ""))
                    .replace("{MASTER_PORT}", flags.value("--master-port", "LOCUST_MASTER_NODE_PORT", ""))
                    .replace("{BIND_HOST}", flags.value("--master-bind-host", "LOCUST_MASTER_BIND_HOST", ""))
                    .replace("{BIND_PORT}", flags.value("--master-bind-port", "LOCUST_MASTER_BIND_PORT", "")));
        }
        return new LocalCommand(argv, original.env(), original.workingDir());
    }

    private void crash(PodFaults.Fault fault) {
        status(s -> PodStatuses.running(s, container.getName(), container.getImage()));
        fault.lines().forEach(log::append);
        exited(fault.exitCode(), () -> {});
    }

    private synchronized void launch(LocalCommand command) throws IOException {
        if (terminating) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .directory(command.workingDir().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(command.env());
        log.restart();
        Process started = builder.start();
        process = started;
        kubelet.track(pod, started);
        status(s -> PodStatuses.running(s, container.getName(), container.getImage()));
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            log.append(line);
                        }
                    } catch (IOException e) {
                        // the process is gone
                    }
                    int code = waitFor(started);
                    exited(code, () -> relaunch(command));
                },
                "kubelet-" + name());
        reader.setDaemon(true);
        this.reader = reader;
        reader.start();
    }

    private void relaunch(LocalCommand command) {
        try {
            launch(command);
        } catch (IOException e) {
            exited(128, () -> {});
        }
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 137;
        }
    }

    private void exited(int code, Runnable restart) {
        log.end();
        String policy = pod.getSpec().getRestartPolicy();
        boolean restarts = !terminating && code != 0 && !"Never".equals(policy);
        status(s -> PodStatuses.terminated(s, container.getName(), container.getImage(), code, !restarts));
        if (restarts) {
            kubelet.later(
                    300,
                    () -> status(s -> PodStatuses.waiting(
                            s,
                            container.getName(),
                            container.getImage(),
                            "CrashLoopBackOff",
                            "back-off 10s restarting failed container=" + container.getName() + " pod=" + name())));
            kubelet.later(1500, restart);
            return;
        }
        synchronized (this) {
            finished = true;
        }
    }

    /** Stops the container: SIGTERM, SIGKILL after the grace period; returns once its final status is written. */
    void terminate(long graceSeconds) {
        terminating = true;
        Process p = process;
        if (p != null && p.isAlive()) {
            // through the handle: Process.destroy() also closes our end of the output, losing the last lines
            p.descendants().forEach(ProcessHandle::destroy);
            p.toHandle().destroy();
            try {
                if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.toHandle().destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.toHandle().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        Thread output = reader;
        if (output != null && output != Thread.currentThread()) {
            try {
                // the container's final status is written before the pod is released, as the kubelet does
                output.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.end();
    }

    /** Stops the container because its deadline passed: Failed, reason DeadlineExceeded. */
    void deadlineExceeded() {
        synchronized (this) {
            if (finished) {
                return;
            }
        }
        terminating = true;
        terminate(0);
        status(s -> {
            s.setPhase("Failed");
            s.setReason("DeadlineExceeded");
            s.setMessage("Pod was active on the node longer than the specified deadline");
        });
    }

    /** Changes the kubelet's view of the pod's status and writes it, in order. */
    private synchronized void status(Consumer<PodStatus> change) {
        change.accept(status);
        kubelet.writeStatus(pod, status);
    }
}
