package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** What goes wrong with which pods of a namespace: registered by a test before the run, applied by the kubelet. */
final class PodFaults {
    enum Kind {
        /** The container waits with ErrImagePull, then ImagePullBackOff. */
        IMAGE_PULL,
        /** The container prints {@code log} and exits with {@code exitCode} instead of running its command. */
        CRASH,
        /** Runs {@code command} instead of the container's own (cheap fake workers). */
        REPLACE_COMMAND
    }

    record Fault(Kind kind, Predicate<Pod> matches, AtomicInteger remaining, int exitCode, List<String> lines) {}

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** Pods of a run component ({@code master} or {@code worker}), by the app.kubernetes.io/component label. */
    static Predicate<Pod> component(String component) {
        return pod -> component.equals(labels(pod).get("app.kubernetes.io/component"));
    }

    /** An image from a registry under {@code .invalid} (RFC 2606) cannot be pulled, as on a real node. */
    static boolean unpullable(String image) {
        int slash = image.indexOf('/');
        String registry = slash < 0 ? "" : image.substring(0, slash);
        return registry.endsWith(".invalid") || registry.contains(".invalid:");
    }

    void imagePullError(Predicate<Pod> which) {
        add(Kind.IMAGE_PULL, which, Integer.MAX_VALUE, 0, List.of());
    }

    /** The first {@code times} matching pods crash at start with the given output. */
    void crash(Predicate<Pod> which, int times, int exitCode, List<String> lines) {
        add(Kind.CRASH, which, times, exitCode, lines);
    }

    /** Matching pods run {@code command} (with {@code {MASTER_HOST}} and {@code {MASTER_PORT}} filled in). */
    void replaceCommand(Predicate<Pod> which, List<String> command) {
        add(Kind.REPLACE_COMMAND, which, Integer.MAX_VALUE, 0, command);
    }

    void clear() {
        faults.clear();
    }

    Optional<Fault> take(Pod pod) {
        for (Fault fault : faults) {
            if (fault.matches().test(pod) && fault.remaining().getAndDecrement() > 0) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    private void add(Kind kind, Predicate<Pod> which, int times, int exitCode, List<String> lines) {
        faults.add(new Fault(kind, which, new AtomicInteger(times), exitCode, List.copyOf(lines)));
    }

    private static Map<String, String> labels(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
