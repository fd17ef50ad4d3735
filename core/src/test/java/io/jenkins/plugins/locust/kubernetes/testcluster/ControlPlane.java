package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver (token auth with an admin in system:masters,
 * RBAC, admission incl. PodSecurity), kube-controller-manager with every controller (Job, garbage collector,
 * TTL-after-finished, endpoints, service accounts) and kube-scheduler. The binaries are built by
 * {@code tools/kube/build.sh} into the folder the {@code kube.bin} system property names. Started once per JVM
 * ({@link #shared()}); stopped, with its temp folder removed, by {@link #close()}, by a shutdown hook, and by a
 * reaper process should the JVM die without running hooks.
 */
public final class ControlPlane implements AutoCloseable {
    public static final String VERSION = "v1.34.4";

    private static ControlPlane shared;

    private final Path dir;
    private final Pki pki = Pki.create();
    private final String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final ServerProcesses processes;
    private final int apiPort = freePort();
    private final KubernetesClient admin;
    private final HttpClient http;
    private final long startMillis;

    private ControlPlane(Path binaries) throws IOException, InterruptedException {
        long start = System.nanoTime();
        dir = Files.createTempDirectory("control-plane");
        processes = new ServerProcesses(binaries, dir);
        http = HttpClient.newBuilder()
                .sslContext(pki.clientContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            pki.write(dir);
            Files.writeString(dir.resolve("tokens.csv"), adminToken + ",admin,admin,system:masters\n");
            Files.writeString(
                    dir.resolve("admin.kubeconfig"), Kubeconfigs.of(url(), pki.caPem(), adminToken, "default"));
            startEtcdAndApiServer();
            awaitReady(Duration.ofSeconds(90));
            processes.start(
                    "kube-controller-manager",
                    List.of(
                            "--kubeconfig",
                            path("admin.kubeconfig"),
                            "--service-account-private-key-file",
                            path("sa.key"),
                            "--root-ca-file",
                            path("ca.crt"),
                            "--controllers",
                            "*",
                            "--leader-elect=false",
                            "--secure-port",
                            "0",
                            // The Job controller creates hundreds of pods in the scale test; the default 20 QPS
                            // would make that test measure the controller-manager's own client limit.
                            "--kube-api-qps",
                            "100",
                            "--kube-api-burst",
                            "200"));
            processes.start(
                    "kube-scheduler",
                    List.of("--kubeconfig", path("admin.kubeconfig"), "--leader-elect=false", "--secure-port", "0"));
            admin = new KubernetesClientBuilder().withConfig(adminConfig()).build();
        } catch (IOException | InterruptedException | RuntimeException e) {
            processes.close();
            throw e;
        }
        startMillis = (System.nanoTime() - start) / 1_000_000;
    }

    /** The JVM's control plane, started on first use (in a few seconds) and stopped when the JVM exits. */
    public static synchronized ControlPlane shared() {
        if (shared == null) {
            try {
                shared = new ControlPlane(binaries());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the control plane", e);
            }
            ControlPlane started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "control-plane-stop"));
            System.out.println("Test control plane " + VERSION + " ready at " + started.url() + " in "
                    + started.startMillis + " ms");
        }
        return shared;
    }

    /** Where the binaries are: the {@code kube.bin} system property, else the build script's cache folder. */
    static Path binaries() {
        String configured = System.getProperty("kube.bin");
        Path bin = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "locust-load-test", "kube-" + VERSION)
                : Path.of(configured);
        for (String name : List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
            if (!Files.isExecutable(bin.resolve(name))) {
                throw new IllegalStateException("The test control plane binary " + bin.resolve(name)
                        + " is missing. Build it with tools/kube/build.sh (make test does) or point -Dkube.bin at"
                        + " a folder holding etcd and kube-apiserver, -controller-manager, -scheduler " + VERSION);
            }
        }
        return bin;
    }

    /** The API server's URL (HTTPS, signed by {@link #caPem()}). */
    public String url() {
        return "https://127.0.0.1:" + apiPort;
    }

    public String caPem() {
        return pki.caPem();
    }

    Pki pki() {
        return pki;
    }

    /** How long the start took, for the note (etcd, API server ready, controllers launched). */
    public long startMillis() {
        return startMillis;
    }

    /** A client with cluster-admin rights, straight to the API server (no fault front). Shared: do not close. */
    public KubernetesClient admin() {
        return admin;
    }

    String adminToken() {
        return adminToken;
    }

    /** Plain HTTP(S) to the API server, trusting its CA (for what fabric8 cannot send). */
    HttpClient http() {
        return http;
    }

    Config adminConfig() {
        return Config.fromKubeconfig(Kubeconfigs.of(url(), pki.caPem(), adminToken, "default"));
    }

    private void startEtcdAndApiServer() throws IOException {
        int etcdPort = freePort();
        int peerPort = freePort();
        String etcd = "http://127.0.0.1:" + etcdPort;
        String peer = "http://127.0.0.1:" + peerPort;
        processes.start(
                "etcd",
                List.of(
                        "--data-dir",
                        path("etcd"),
                        "--listen-client-urls",
                        etcd,
                        "--advertise-client-urls",
                        etcd,
                        "--listen-peer-urls",
                        peer,
                        "--initial-advertise-peer-urls",
                        peer,
                        "--initial-cluster",
                        "default=" + peer,
                        // a throwaway store: no fsync, fewer writes to a shared disk
                        "--unsafe-no-fsync",
                        "--log-level",
                        "warn"));
        processes.start(
                "kube-apiserver",
                List.of(
                        "--etcd-servers",
                        etcd,
                        "--secure-port",
                        String.valueOf(apiPort),
                        "--bind-address",
                        "127.0.0.1",
                        "--advertise-address",
                        "127.0.0.1",
                        "--cert-dir",
                        path("apiserver-certs"),
                        "--tls-cert-file",
                        path("serving.crt"),
                        "--tls-private-key-file",
                        path("serving.key"),
                        "--client-ca-file",
                        path("ca.crt"),
                        "--token-auth-file",
                        path("tokens.csv"),
                        "--service-account-key-file",
                        path("sa.pub"),
                        "--service-account-signing-key-file",
                        path("sa.key"),
                        "--service-account-issuer",
                        "https://kubernetes.default.svc",
                        "--authorization-mode",
                        "RBAC",
                        "--service-cluster-ip-range",
                        "10.96.0.0/16",
                        "--enable-admission-plugins",
                        "NamespaceLifecycle,ServiceAccount,PodSecurity,LimitRanger,ResourceQuota",
                        // pods/log is proxied to the test kubelet at the node's InternalIP (127.0.0.1)
                        "--kubelet-preferred-address-types",
                        "InternalIP",
                        "--profiling=false"));
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpRequest readyz = HttpRequest.newBuilder(URI.create(url() + "/readyz"))
                .header("Authorization", "Bearer " + adminToken)
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            processes.checkAlive();
            try {
                HttpResponse<String> response = http.send(readyz, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("kube-apiserver was not ready within " + timeout + " (" + last + ")\n"
                + processes.logTail("kube-apiserver"));
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
        }
        processes.close();
    }
}
