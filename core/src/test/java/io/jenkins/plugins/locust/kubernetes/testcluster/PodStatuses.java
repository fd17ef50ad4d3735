package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The pod status transitions a kubelet writes, as plain functions on a {@link PodStatus}. */
final class PodStatuses {
    private PodStatuses() {}

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static void condition(PodStatus status, String type, boolean value, String reason, String message) {
        List<PodCondition> conditions =
                new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
        conditions.removeIf(c -> c.getType().equals(type));
        conditions.add(new PodConditionBuilder()
                .withType(type)
                .withStatus(value ? "True" : "False")
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(now())
                .build());
        status.setConditions(conditions);
    }

    /** The kubelet has admitted the pod: addresses, start time, and the container being created. */
    static void started(PodStatus status, String ip, String image, String container) {
        status.setPhase("Pending");
        status.setHostIP("127.0.0.1");
        status.setHostIPs(List.of(new HostIP("127.0.0.1")));
        status.setPodIP(ip);
        status.setPodIPs(List.of(new PodIP(ip)));
        status.setStartTime(now());
        condition(status, "PodReadyToStartContainers", true, null, null);
        condition(status, "Initialized", true, null, null);
        condition(
                status,
                "ContainersReady",
                false,
                "ContainersNotReady",
                "containers with unready status: [" + container + "]");
        condition(status, "Ready", false, "ContainersNotReady", "containers with unready status: [" + container + "]");
        waiting(status, container, image, "ContainerCreating", null);
    }

    static void waiting(PodStatus status, String container, String image, String reason, String message) {
        setContainer(
                status,
                container,
                image,
                new ContainerStateBuilder()
                        .withNewWaiting()
                        .withReason(reason)
                        .withMessage(message)
                        .endWaiting()
                        .build(),
                false);
    }

    static void running(PodStatus status, String container, String image) {
        status.setPhase("Running");
        setContainer(
                status,
                container,
                image,
                new ContainerStateBuilder()
                        .withNewRunning()
                        .withStartedAt(now())
                        .endRunning()
                        .build(),
                true);
        condition(status, "ContainersReady", true, null, null);
        condition(status, "Ready", true, null, null);
    }

    static void terminated(PodStatus status, String container, String image, int exitCode, boolean podDone) {
        String reason = exitCode == 0 ? "Completed" : "Error";
        setContainer(
                status,
                container,
                image,
                new ContainerStateBuilder()
                        .withNewTerminated()
                        .withExitCode(exitCode)
                        .withReason(reason)
                        .withFinishedAt(now())
                        .endTerminated()
                        .build(),
                false);
        condition(status, "ContainersReady", false, "PodCompleted", null);
        condition(status, "Ready", false, "PodCompleted", null);
        if (podDone) {
            status.setPhase(exitCode == 0 ? "Succeeded" : "Failed");
        }
    }

    static ContainerStatus container(Pod pod, String name) {
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return (statuses == null ? List.<ContainerStatus>of() : statuses)
                .stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    private static void setContainer(
            PodStatus status, String container, String image, ContainerState state, boolean ready) {
        List<ContainerStatus> containers =
                new ArrayList<>(status.getContainerStatuses() == null ? List.of() : status.getContainerStatuses());
        ContainerStatus old = containers.stream()
                .filter(c -> c.getName().equals(container))
                .findFirst()
                .orElse(null);
        containers.remove(old);
        int restarts = old == null || old.getRestartCount() == null ? 0 : old.getRestartCount();
        boolean restarted = old != null
                && old.getState() != null
                && old.getState().getTerminated() != null
                && state.getTerminated() == null;
        containers.add(new ContainerStatusBuilder()
                .withName(container)
                .withImage(image)
                .withImageID(image)
                .withReady(ready)
                .withStarted(state.getRunning() != null)
                .withRestartCount(restarted ? restarts + 1 : restarts)
                .withState(state)
                .withLastState(restarted ? old.getState() : old == null ? null : old.getLastState())
                .build());
        status.setContainerStatuses(containers);
    }
}
