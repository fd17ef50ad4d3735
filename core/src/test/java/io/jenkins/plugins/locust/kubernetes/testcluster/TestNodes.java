package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The test kubelet's two nodes, as a kubelet registers them: capacity and allocatable (a few CPUs, so that the real
 * scheduler's "Insufficient cpu" can be produced by a pod asking for more), a Ready condition, InternalIP 127.0.0.1
 * and the port of the kubelet's HTTPS server (where the API server proxies {@code pods/log}), kept alive by Lease
 * renewals in {@code kube-node-lease}.
 */
final class TestNodes {
    static final List<String> NAMES = List.of("test-node-1", "test-node-2");
    /** CPUs per node. */
    static final String CPU = "4";

    private static final String LEASES = "kube-node-lease";
    private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX");

    private final KubernetesClient client;
    private final int kubeletPort;

    TestNodes(KubernetesClient client, int kubeletPort) {
        this.client = client;
        this.kubeletPort = kubeletPort;
    }

    boolean owns(Pod pod) {
        String node = pod.getSpec().getNodeName();
        return node != null && NAMES.contains(node);
    }

    void register() {
        for (String name : NAMES) {
            Node node = client.nodes().resource(node(name)).create();
            // a kubelet posts the status again after registering; so do we (whatever create kept of it)
            client.nodes()
                    .withName(name)
                    .subresource("status")
                    .patch(
                            PatchContext.of(PatchType.JSON_MERGE),
                            client.getKubernetesSerialization()
                                    .asJson(Map.of("status", node(name).getStatus())));
            client.leases()
                    .inNamespace(LEASES)
                    .resource(new LeaseBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .withNamespace(LEASES)
                            .addNewOwnerReference()
                            .withApiVersion("v1")
                            .withKind("Node")
                            .withName(name)
                            .withUid(node.getMetadata().getUid())
                            .endOwnerReference()
                            .endMetadata()
                            .withNewSpec()
                            .withHolderIdentity(name)
                            .withLeaseDurationSeconds(40)
                            .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC))
                            .endSpec()
                            .build())
                    .create();
        }
    }

    void renewLeases() {
        String patch = "{\"spec\":{\"renewTime\":\""
                + ZonedDateTime.now(ZoneOffset.UTC).format(MICRO_TIME) + "\"}}";
        for (String name : NAMES) {
            try {
                client.leases().inNamespace(LEASES).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            } catch (KubernetesClientException e) {
                // the control plane is stopping; the next renewal tries again
            }
        }
    }

    /**
     * Waits until the node lifecycle controller has removed the not-ready taint the API server puts on new nodes,
     * so that the first pods are scheduled at once.
     */
    void awaitSchedulable() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean ready = NAMES.stream()
                    .map(n -> client.nodes().withName(n).get())
                    .allMatch(n -> n != null
                            && (n.getSpec().getTaints() == null
                                    || n.getSpec().getTaints().isEmpty()));
            if (ready) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the test nodes still have taints after 60 s: "
                + NAMES.stream()
                        .map(n -> client.nodes().withName(n).get().getSpec().getTaints())
                        .toList());
    }

    private Node node(String name) {
        String now = PodStatuses.now();
        Map<String, Quantity> capacity = Map.of(
                "cpu", new Quantity(CPU),
                "memory", new Quantity("16Gi"),
                "ephemeral-storage", new Quantity("100Gi"),
                // the scale test runs 500 workers on two nodes
                "pods", new Quantity("600"));
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("kubernetes.io/hostname", name)
                .addToLabels("kubernetes.io/os", "linux")
                .addToLabels("kubernetes.io/arch", "amd64")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .withNewStatus()
                .withCapacity(capacity)
                .withAllocatable(capacity)
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withReason("KubeletReady")
                .withMessage("kubelet is posting ready status")
                .withLastHeartbeatTime(now)
                .withLastTransitionTime(now)
                .endCondition()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("127.0.0.1")
                .endAddress()
                .withNewDaemonEndpoints()
                .withNewKubeletEndpoint()
                .withPort(kubeletPort)
                .endKubeletEndpoint()
                .endDaemonEndpoints()
                .withNewNodeInfo()
                .withKubeletVersion(ControlPlane.VERSION)
                .withKubeProxyVersion(ControlPlane.VERSION)
                .withOperatingSystem("linux")
                .withArchitecture("amd64")
                .withContainerRuntimeVersion("test-kubelet://1")
                .withOsImage("local processes")
                .withKernelVersion(System.getProperty("os.version"))
                .withMachineID(name)
                .withSystemUUID(name)
                .withBootID(name)
                .endNodeInfo()
                .endStatus()
                .build();
    }
}
