package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kubernetes cluster for tests: the JVM's real {@link ControlPlane} (API server, controllers, scheduler) with the
 * {@link TestKubelet} running pods as local processes, and a namespace of its own, labelled for the "restricted" Pod
 * Security level. The run under test authenticates as a service account bound by {@code docs/rbac.yaml} (its token
 * from a TokenRequest) and goes through {@link ApiFront}, which records its calls and injects API faults; the kubelet
 * faults are set per namespace. Closing it kills its pods' processes and deletes the namespace.
 */
public final class TestCluster implements AutoCloseable {
    /** The service account the run under test is. */
    public static final String RUNNER = "loadtest-runner";

    private static final AtomicInteger NEXT = new AtomicInteger();
    /** From the module's working directory (how surefire and failsafe run). */
    private static final Path RBAC = Path.of("..", "docs", "rbac.yaml");

    private final ControlPlane plane;
    private final TestKubelet kubelet;
    private final String namespace;
    private final String token;
    private final ApiFaults apiFaults = new ApiFaults();
    private final ApiFront front;

    private TestCluster(TestKubelet kubelet, String namespace) throws IOException, InterruptedException {
        this.kubelet = kubelet;
        this.plane = kubelet.plane();
        this.namespace = namespace;
        KubernetesClient admin = plane.admin();
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                        .addToLabels("pod-security.kubernetes.io/enforce-version", "latest")
                        .endMetadata()
                        .build())
                .create();
        admin.serviceAccounts()
                .inNamespace(namespace)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(RUNNER)
                        .endMetadata()
                        .build())
                .create();
        bindDocumentedRole(admin);
        // pods are refused (FailedCreate) until the service-account controller has made "default"
        admin.serviceAccounts()
                .inNamespace(namespace)
                .withName("default")
                .waitUntilCondition(sa -> sa != null, 30, TimeUnit.SECONDS);
        token = admin.serviceAccounts()
                .inNamespace(namespace)
                .withName(RUNNER)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(7200L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        front = new ApiFront(Integer.parseInt(plane.url().replaceAll(".*:", "")), apiFaults, plane.pki());
    }

    /**
     * A new namespace on the JVM's control plane (started on first use; pods run the Locust of the venv the {@code
     * locust.venv} system property names).
     */
    public static TestCluster start() throws IOException {
        try {
            return new TestCluster(TestKubelet.shared(), "loadtest-" + NEXT.incrementAndGet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing the test namespace", e);
        }
    }

    public String namespace() {
        return namespace;
    }

    /** The API server URL the run uses (the fault front, HTTPS signed by {@link #caPem()}). */
    public String url() {
        return front.url();
    }

    public String caPem() {
        return plane.caPem();
    }

    /** The run's bearer token: the {@link #RUNNER} service account, bound by docs/rbac.yaml in this namespace. */
    public String token() {
        return token;
    }

    /** A kubeconfig for the run's identity through the front, with this namespace as its default. */
    public String kubeconfig() {
        return Kubeconfigs.of(url(), plane.caPem(), token, namespace);
    }

    /** How the code under test connects: the run's kubeconfig, defaulting to this namespace. */
    public KubernetesConnection connection() {
        return KubernetesConnection.kubeconfigContent(kubeconfig(), null).withNamespace(namespace);
    }

    /** A new client with the run's identity through the front (recorded, faulted); the caller closes it. */
    public KubernetesClient runClient() {
        return new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(kubeconfig()))
                .build();
    }

    /** A cluster-admin client straight to the API server, for the test's own checks (not recorded, never faulted). */
    public KubernetesClient client() {
        return plane.admin();
    }

    public List<ApiCall> apiCalls() {
        return front.calls();
    }

    public void clearApiCalls() {
        front.clearCalls();
    }

    public void imagePullError(String component) {
        kubelet.hooks(namespace).faults().imagePullError(PodFaults.component(component));
    }

    /** The first {@code times} pods of the component print {@code lines} and exit with {@code exitCode}. */
    public void crash(String component, int times, int exitCode, List<String> lines) {
        kubelet.hooks(namespace).faults().crash(PodFaults.component(component), times, exitCode, lines);
    }

    /**
     * Pods of the component run {@code command}: {MASTER_HOST} and {MASTER_PORT} become the master a worker
     * reaches, {BIND_HOST} and {BIND_PORT} the address a master listens on.
     */
    public void replaceCommand(String component, List<String> command) {
        kubelet.hooks(namespace).faults().replaceCommand(PodFaults.component(component), command);
    }

    /** Pods and API calls behave normally again. */
    public void clearFaults() {
        kubelet.hooks(namespace).faults().clear();
        apiFaults.clear();
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
        kubelet.hooks(namespace).followLifetime(lifetime.toMillis());
    }

    public List<Pod> pods(String component) {
        return client().pods()
                .inNamespace(namespace)
                .withLabel("app.kubernetes.io/component", component)
                .list()
                .getItems();
    }

    /** Every ConfigMap, Service, Job and Pod of this namespace that carries the label. */
    public List<HasMetadata> objectsLabelled(String key, String value) {
        KubernetesClient client = client();
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.configMaps()
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems());
        all.addAll(client.services()
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems());
        all.addAll(client.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems());
        all.addAll(client.pods()
                .inNamespace(namespace)
                .withLabel(key, value)
                .list()
                .getItems());
        return all;
    }

    /**
     * Waits until nothing with the label is left: the API server removes a deleted Job's pods only after the
     * garbage collector and the kubelet have done their part, as in any cluster. True if gone by the deadline.
     */
    public boolean awaitNoObjectsLabelled(String key, String value, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!objectsLabelled(key, value).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Every line a pod's first container printed, as the kubelet kept it (also after the pod is gone). */
    public List<String> containerLog(String pod) {
        ContainerLog log = kubelet.existingLog(namespace, pod, "locust");
        return log == null
                ? List.of()
                : log.snapshot().stream().map(ContainerLog.Entry::text).toList();
    }

    public List<ProcessHandle> liveProcesses() {
        return kubelet.liveProcesses(namespace);
    }

    /** Waits until no pod process of this namespace runs any more; false if some still do at the deadline. */
    public boolean awaitNoProcesses(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!liveProcesses().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** docs/rbac.yaml's Role and RoleBinding, moved to this namespace and bound to {@link #RUNNER}. */
    private void bindDocumentedRole(KubernetesClient admin) throws IOException {
        List<HasMetadata> objects;
        try (InputStream in = Files.newInputStream(RBAC)) {
            objects = admin.load(in).items();
        }
        for (HasMetadata object : objects) {
            if (object instanceof Role role) {
                admin.rbac()
                        .roles()
                        .inNamespace(namespace)
                        .resource(new RoleBuilder(role)
                                .editMetadata()
                                .withNamespace(namespace)
                                .endMetadata()
                                .build())
                        .create();
            } else if (object instanceof RoleBinding binding) {
                admin.rbac()
                        .roleBindings()
                        .inNamespace(namespace)
                        .resource(new RoleBindingBuilder(binding)
                                .editMetadata()
                                .withNamespace(namespace)
                                .endMetadata()
                                .withSubjects()
                                .addNewSubject()
                                .withKind("ServiceAccount")
                                .withName(RUNNER)
                                .withNamespace(namespace)
                                .endSubject()
                                .build())
                        .create();
            }
        }
    }

    /** Kills this namespace's pod processes at once and deletes the namespace (the cluster finishes that alone). */
    @Override
    public void close() {
        kubelet.forget(namespace);
        try {
            front.close();
        } catch (IOException e) {
            // best effort
        }
        try {
            client().namespaces().withName(namespace).delete();
        } catch (KubernetesClientException e) {
            // the control plane is stopping
        }
    }
}
