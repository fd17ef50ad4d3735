package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A Kubernetes cluster for tests: fabric8's CRUD API server (real HTTP, real client) behind {@link ApiFront}, and a
 * {@link TestKubelet} running every pod as a local process. Faults are injected through its methods. Closing it kills
 * every process it started.
 */
public final class TestCluster implements AutoCloseable {
    public static final String NAMESPACE = "loadtest";
    public static final String TOKEN = "test-token";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final TestKubelet kubelet;
    private final LogEndpoint logs;
    private final ApiFaults apiFaults = new ApiFaults();
    private final ApiFront front;
    private final Path root;

    // The mock server logs every request at INFO; the front's call list is the record tests use.
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

    private TestCluster(Path venv) throws IOException {
        MOCK_LOG.setLevel(Level.WARNING);
        root = Files.createTempDirectory("test-cluster");
        server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                new HashMap<>(),
                new KubernetesMixedDispatcher(new HashMap<>()),
                false);
        server.init();
        client = server.createClient();
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NAMESPACE)
                        .endMetadata()
                        .build())
                .create();
        kubelet = new TestKubelet(client, venv, root);
        logs = new LogEndpoint(kubelet);
        front = new ApiFront(server.getPort(), apiFaults, logs);
        kubelet.start();
    }

    /** Starts a cluster whose pods run the Locust of the venv named by the {@code locust.venv} system property. */
    public static TestCluster start() throws IOException {
        String venv = System.getProperty("locust.venv", ".venv");
        return new TestCluster(Path.of(venv).toAbsolutePath());
    }

    /** The API server URL clients use (the front). */
    public String url() {
        return front.url();
    }

    /** A client straight to the API server, for the test's own checks (not recorded, never faulted). */
    public KubernetesClient client() {
        return client;
    }

    public List<ApiCall> apiCalls() {
        return front.calls();
    }

    public void clearApiCalls() {
        front.clearCalls();
    }

    /** Pods of the component ({@code master}, {@code worker}) cannot be scheduled. */
    public void unschedulable(String component) {
        kubelet.faults().unschedulable(PodFaults.component(component));
    }

    public void imagePullError(String component) {
        kubelet.faults().imagePullError(PodFaults.component(component));
    }

    /** The first {@code times} pods of the component print {@code lines} and exit with {@code exitCode}. */
    public void crash(String component, int times, int exitCode, List<String> lines) {
        kubelet.faults().crash(PodFaults.component(component), times, exitCode, lines);
    }

    /**
     * Pods of the component run {@code command}: {MASTER_HOST} and {MASTER_PORT} become the master a worker
     * reaches, {BIND_HOST} and {BIND_PORT} the address a master listens on.
     */
    public void replaceCommand(String component, List<String> command) {
        kubelet.faults().replaceCommand(PodFaults.component(component), command);
    }

    /** The next {@code times} calls with this RBAC verb on this resource ("jobs", "pods/log") fail. */
    public void failApiCalls(String verb, String rbacResource, int status, int times) {
        apiFaults.fail(verb, rbacResource, status, times);
    }

    /** Cuts the open watches on a resource ("pods"); returns how many were cut. */
    public int dropWatches(String resource) {
        return front.drop(call -> call.isWatch() && resource.equals(call.resource()));
    }

    /** Cuts the open log streams; returns how many were cut. */
    public int dropLogStreams() {
        return front.drop(call -> "log".equals(call.subresource()));
    }

    public int openLogStreams() {
        return front.openStreams(call -> "log".equals(call.subresource()));
    }

    /** Log follows end by themselves after this long, as streams through real proxies do. */
    public void logFollowLifetime(Duration lifetime) {
        logs.followLifetime(lifetime.toMillis());
    }

    public List<Pod> pods(String component) {
        return client.pods()
                .inNamespace(NAMESPACE)
                .withLabel("app.kubernetes.io/component", component)
                .list()
                .getItems();
    }

    /** Every ConfigMap, Service, Job, Pod and Event-less object that carries the label. */
    public List<HasMetadata> objectsLabelled(String key, String value) {
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.configMaps()
                .inNamespace(NAMESPACE)
                .withLabel(key, value)
                .list()
                .getItems());
        all.addAll(client.services()
                .inNamespace(NAMESPACE)
                .withLabel(key, value)
                .list()
                .getItems());
        all.addAll(client.batch()
                .v1()
                .jobs()
                .inNamespace(NAMESPACE)
                .withLabel(key, value)
                .list()
                .getItems());
        all.addAll(client.pods()
                .inNamespace(NAMESPACE)
                .withLabel(key, value)
                .list()
                .getItems());
        return all;
    }

    /** Every line a pod's first container printed, as the kubelet kept it (also after the pod is gone). */
    public List<String> containerLog(String pod) {
        ContainerLog log = kubelet.existingLog(NAMESPACE, pod, "locust");
        return log == null
                ? List.of()
                : log.snapshot().stream().map(ContainerLog.Entry::text).toList();
    }

    public List<ProcessHandle> liveProcesses() {
        return kubelet.liveProcesses();
    }

    /** Waits until no pod process runs any more; false if some still do at the deadline. */
    public boolean awaitNoProcesses(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!kubelet.liveProcesses().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        kubelet.close();
        try {
            front.close();
        } catch (IOException e) {
            // best effort
        }
        client.close();
        server.destroy();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }
}
