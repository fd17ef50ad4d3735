package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what is wrong with a pod from its status, as a user would with {@code kubectl describe}: the scheduler's
 * condition, the container's waiting reason, or its exit. Each message names the pod, its role and what to do.
 */
final class PodDiagnosis {
    private static final Set<String> IMAGE_REASONS =
            Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
    private static final Set<String> CONFIG_REASONS =
            Set.of("CreateContainerConfigError", "CreateContainerError", "RunContainerError");

    private PodDiagnosis() {}

    /**
     * A pod that will not start by itself; the run must fail with this message. A pod waiting for a node is not
     * one: that is what makes an autoscaler add a node (see {@link #unschedulable}).
     */
    static Optional<String> blocked(Pod pod, String source) {
        String name = describe(pod, source);
        ContainerStatus container = container(pod);
        ContainerStateWaiting waiting = container == null || container.getState() == null
                ? null
                : container.getState().getWaiting();
        if (waiting == null || waiting.getReason() == null) {
            return Optional.empty();
        }
        String reason = waiting.getReason();
        String detail = waiting.getMessage() == null ? "" : ": " + waiting.getMessage();
        if (IMAGE_REASONS.contains(reason)) {
            return Optional.of(name + " cannot pull its image '" + container.getImage() + "' (" + reason + detail
                    + "). Check the image name and tag (the image setting), that the cluster can reach the registry,"
                    + " and the imagePullSecrets for a private registry.");
        }
        if (CONFIG_REASONS.contains(reason)) {
            return Optional.of(name + " cannot create its container (" + reason + detail + "). Check the Secrets"
                    + " and ConfigMaps that the env settings or the pod overlay refer to.");
        }
        if ("CrashLoopBackOff".equals(reason)) {
            return Optional.of(name + " keeps crashing (CrashLoopBackOff" + detail + ").");
        }
        return Optional.empty();
    }

    /** The scheduler's message while the pod waits for a node ({@code PodScheduled=False/Unschedulable}). */
    static Optional<String> unschedulable(Pod pod) {
        return conditions(pod).stream()
                .filter(c -> "PodScheduled".equals(c.getType())
                        && "False".equals(c.getStatus())
                        && "Unschedulable".equals(c.getReason()))
                .map(c -> c.getMessage() == null ? "no node fits the pod" : c.getMessage())
                .findFirst();
    }

    /** What to do about a pod the scheduler cannot place, by the scheduler's own message. */
    static String schedulingHint(String schedulerMessage) {
        String m = schedulerMessage.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("no nodes available") || m.startsWith("0/0 nodes")) {
            return "The cluster has no node at all: add nodes, or check that the cluster autoscaler (or Karpenter)"
                    + " runs and has a node group it may scale up.";
        }
        if (m.contains("insufficient")) {
            return "No node has the requested CPU or memory free: lower the requests (masterResources,"
                    + " workerResources), run fewer slaves, add nodes, or raise startTimeout above the time the"
                    + " autoscaler needs to add one.";
        }
        if (m.contains("affinity") || m.contains("selector")) {
            return "No node matches the pods' nodeSelector or the overlay's affinity: check the node labels.";
        }
        if (m.contains("taint")) {
            return "The nodes carry taints the pods do not tolerate: add the tolerations in the pod overlay.";
        }
        return "Check the nodes (kubectl describe nodes) and the pods' constraints.";
    }

    /**
     * A pod the scheduler bound to a node whose kubelet never reported a container for it (a NotReady node, a
     * kubelet that is down): the node's name, or empty.
     */
    static Optional<String> boundButNotStarted(Pod pod) {
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        if (node == null || node.isEmpty()) {
            return Optional.empty();
        }
        ContainerStatus container = container(pod);
        boolean started = container != null
                && container.getState() != null
                && (container.getState().getRunning() != null
                        || container.getState().getTerminated() != null
                        || container.getState().getWaiting() != null);
        return started ? Optional.empty() : Optional.of(node);
    }

    /** The exit of a container that ended, or empty while it runs. */
    static Optional<ContainerStateTerminated> terminated(Pod pod) {
        ContainerStatus container = container(pod);
        return container == null || container.getState() == null
                ? Optional.empty()
                : Optional.ofNullable(container.getState().getTerminated());
    }

    static boolean running(Pod pod) {
        ContainerStatus container = container(pod);
        return container != null
                && container.getState() != null
                && (container.getState().getRunning() != null
                        || container.getState().getTerminated() != null);
    }

    /** "Pod locust-x-worker-abcde (worker-2)". */
    static String describe(Pod pod, String source) {
        return "Pod " + pod.getMetadata().getName() + " (" + source + ")";
    }

    /** The Locust container: the first one (a pod overlay may append sidecars after it). */
    static ContainerStatus container(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        String name = pod.getSpec().getContainers().get(0).getName();
        return pod.getStatus().getContainerStatuses().stream()
                .filter(c -> name.equals(c.getName()))
                .findFirst()
                .orElse(null);
    }

    private static List<PodCondition> conditions(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null
                ? List.of()
                : pod.getStatus().getConditions();
    }
}
