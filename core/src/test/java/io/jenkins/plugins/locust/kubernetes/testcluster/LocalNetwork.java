package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster network on loopback. Each pod gets its own address 127.0.x.y (its podIP), and each container port it
 * uses is mapped to a free local port, so several runs and test JVMs never fight over 5557. A Service name resolves
 * to the address and mapped port of the first pod its selector picks, which is what a worker of a one-pod master
 * needs.
 */
final class LocalNetwork {
    record Endpoint(String ip, int port) {}

    private record PodAddress(
            String namespace,
            Map<String, String> labels,
            String ip,
            Map<String, Integer> named,
            Map<Integer, Integer> ports) {}

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();
    private final Map<String, PodAddress> pods = new ConcurrentHashMap<>();

    /** Gives the pod its address (once) and returns it. */
    String assign(Pod pod) {
        return pods.computeIfAbsent(key(pod), k -> {
                    int n = NEXT_ADDRESS.getAndIncrement() % (250 * 250);
                    String ip = "127.0." + (1 + n / 250) + "." + (1 + n % 250);
                    Map<String, String> labels = pod.getMetadata().getLabels();
                    Map<String, Integer> named = new HashMap<>();
                    pod.getSpec().getContainers().stream()
                            .flatMap(c -> c.getPorts().stream())
                            .filter(p -> p.getName() != null)
                            .forEach(p -> named.put(p.getName(), p.getContainerPort()));
                    return new PodAddress(
                            pod.getMetadata().getNamespace(),
                            labels == null ? Map.of() : Map.copyOf(labels),
                            ip,
                            named,
                            new ConcurrentHashMap<>());
                })
                .ip();
    }

    void release(Pod pod) {
        pods.remove(key(pod));
    }

    /** The local port standing for the pod's container port. */
    int port(Pod pod, int containerPort) {
        PodAddress address = pods.get(key(pod));
        if (address == null) {
            throw new IllegalStateException("pod " + key(pod) + " has no address yet");
        }
        return address.ports().computeIfAbsent(containerPort, p -> freePort());
    }

    /** Where a connection to {@code service:servicePort} lands, if the service selects a pod with an address. */
    Optional<Endpoint> resolve(Service service, int servicePort) {
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return Optional.empty();
        }
        ServicePort port = service.getSpec().getPorts().stream()
                .filter(p -> p.getPort() == servicePort)
                .findFirst()
                .orElse(null);
        return pods.values().stream()
                .filter(p -> p.namespace().equals(service.getMetadata().getNamespace()))
                .filter(p -> p.labels().entrySet().containsAll(selector.entrySet()))
                .findFirst()
                .map(p -> new Endpoint(
                        p.ip(), p.ports().computeIfAbsent(targetPort(port, servicePort, p), t -> freePort())));
    }

    /** The container port a service port leads to: a number, a port name of the pod, or the service port. */
    private static int targetPort(ServicePort port, int servicePort, PodAddress pod) {
        if (port == null || port.getTargetPort() == null) {
            return servicePort;
        }
        if (port.getTargetPort().getIntVal() != null) {
            return port.getTargetPort().getIntVal();
        }
        return pod.named().getOrDefault(port.getTargetPort().getStrVal(), servicePort);
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
