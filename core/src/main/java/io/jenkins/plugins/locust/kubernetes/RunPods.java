package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the run knows about its pods: each pod's console source ({@code master}, {@code worker-1}…, numbered as they
 * appear), their latest state and which problems were already reported.
 */
final class RunPods {
    private final Map<String, String> sources = new HashMap<>();
    private final Map<String, Pod> latest = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private int nextWorker = 1;

    static boolean isMaster(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && "master".equals(labels.get(RunNames.COMPONENT_LABEL));
    }

    /** Records the pod's state and returns its source. */
    synchronized String update(Pod pod) {
        String name = pod.getMetadata().getName();
        latest.put(name, pod);
        return sources.computeIfAbsent(name, n -> isMaster(pod) ? "master" : "worker-" + nextWorker++);
    }

    /** True the first time a problem of this kind is seen for the pod. */
    synchronized boolean report(Pod pod, String problem) {
        return reported.add(pod.getMetadata().getName() + "/" + problem);
    }

    synchronized boolean ended(String pod) {
        Pod p = latest.get(pod);
        return p != null && PodDiagnosis.terminated(p).isPresent();
    }
}
