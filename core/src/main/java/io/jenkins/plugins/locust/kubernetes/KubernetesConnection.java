package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.locust.run.LoadTestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * How to reach the cluster: the pod's service account (in-cluster), a kubeconfig (file or content, optionally a
 * context), or a server URL with a bearer token. Each run opens its own client from it and closes it at the end.
 *
 * <p>Built from credentials resolved at use time, it holds secrets (the token, the kubeconfig's content): those
 * fields are {@code transient} (XStream, which Jenkins saves objects with, and any serializer skip them), the class
 * is not {@link java.io.Serializable}, and {@link #toString()} never shows them. Not a record, because a record's
 * fields cannot be transient.
 */
public final class KubernetesConnection {
    public enum Mode {
        IN_CLUSTER,
        KUBECONFIG_FILE,
        KUBECONFIG_CONTENT,
        TOKEN
    }

    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    private final Mode mode;
    private final String kubeconfigFile;
    private final transient String kubeconfigContent;
    private final String context;
    private final String serverUrl;
    private final transient String token;
    private final String caCertificate;
    private final String namespace;

    /**
     * @param kubeconfig the kubeconfig's path ({@link Mode#KUBECONFIG_FILE}) or content ({@link
     *     Mode#KUBECONFIG_CONTENT})
     * @param caCertificate with a server URL: the PEM certificate(s) of the CA that signed the API server's
     *     certificate; null = the JVM's trusted CAs
     * @param namespace the namespace to use when the spec names none; null = the kubeconfig's, else {@code default}
     */
    public KubernetesConnection(
            Mode mode,
            String kubeconfig,
            String context,
            String serverUrl,
            String token,
            String caCertificate,
            String namespace) {
        this.mode = mode;
        this.kubeconfigFile = mode == Mode.KUBECONFIG_FILE ? kubeconfig : null;
        this.kubeconfigContent = mode == Mode.KUBECONFIG_CONTENT ? kubeconfig : null;
        this.context = context;
        this.serverUrl = serverUrl;
        this.token = token;
        this.caCertificate = caCertificate;
        this.namespace = namespace;
    }

    public static KubernetesConnection inCluster() {
        return new KubernetesConnection(Mode.IN_CLUSTER, null, null, null, null, null, null);
    }

    public static KubernetesConnection kubeconfigFile(Path file, String context) {
        return new KubernetesConnection(Mode.KUBECONFIG_FILE, file.toString(), context, null, null, null, null);
    }

    public static KubernetesConnection kubeconfigContent(String content, String context) {
        return new KubernetesConnection(Mode.KUBECONFIG_CONTENT, content, context, null, null, null, null);
    }

    public static KubernetesConnection token(String serverUrl, String token) {
        return token(serverUrl, token, null);
    }

    /** A server URL and bearer token, trusting the CA of the PEM {@code caCertificate} (null = the JVM's CAs). */
    public static KubernetesConnection token(String serverUrl, String token, String caCertificate) {
        String ca = caCertificate == null || caCertificate.isBlank() ? null : caCertificate.strip();
        return new KubernetesConnection(Mode.TOKEN, null, null, serverUrl, token, ca, null);
    }

    /** The same connection, defaulting to {@code namespace}. */
    public KubernetesConnection withNamespace(String namespace) {
        return new KubernetesConnection(mode, kubeconfig(), context, serverUrl, token, caCertificate, namespace);
    }

    public Mode mode() {
        return mode;
    }

    /** The kubeconfig's path or (a secret) its content, by {@link #mode()}; null otherwise. */
    public String kubeconfig() {
        return mode == Mode.KUBECONFIG_FILE ? kubeconfigFile : kubeconfigContent;
    }

    public String context() {
        return context;
    }

    public String serverUrl() {
        return serverUrl;
    }

    /** The bearer token (a secret), with a server URL. */
    public String token() {
        return token;
    }

    public String caCertificate() {
        return caCertificate;
    }

    public String namespace() {
        return namespace;
    }

    /** Opens a client; the caller closes it. */
    public KubernetesClient open() throws LoadTestException {
        try {
            return new KubernetesClientBuilder().withConfig(config()).build();
        } catch (RuntimeException e) {
            throw new LoadTestException(
                    "Cannot connect to Kubernetes (" + describe() + "): " + e.getMessage()
                            + ". Check the cluster connection settings.",
                    e);
        }
    }

    /** The namespace a run uses: the spec's, else this connection's, else the kubeconfig's, else default. */
    public String namespaceFor(String specNamespace, KubernetesClient client) {
        if (specNamespace != null && !specNamespace.isBlank()) {
            return specNamespace;
        }
        if (namespace != null && !namespace.isBlank()) {
            return namespace;
        }
        String configured = client.getConfiguration().getNamespace();
        return configured == null || configured.isBlank() ? "default" : configured;
    }

    /** Never prints the token or the kubeconfig's content. */
    @Override
    public String toString() {
        return "KubernetesConnection[" + describe() + (namespace == null ? "" : ", namespace " + namespace) + "]";
    }

    String describe() {
        return switch (mode) {
            case IN_CLUSTER -> "in-cluster service account";
            case KUBECONFIG_FILE -> "kubeconfig " + kubeconfigFile + (context == null ? "" : ", context " + context);
            case KUBECONFIG_CONTENT -> "kubeconfig content" + (context == null ? "" : ", context " + context);
            case TOKEN -> "server " + serverUrl + (caCertificate == null ? "" : " with its CA certificate");
        };
    }

    Config config() throws LoadTestException {
        Config base =
                switch (mode) {
                    case IN_CLUSTER -> inClusterConfig();
                    case KUBECONFIG_FILE ->
                        Config.fromKubeconfig(context, read(Path.of(kubeconfigFile)), kubeconfigFile);
                    case KUBECONFIG_CONTENT -> Config.fromKubeconfig(context, kubeconfigContent, null);
                    case TOKEN ->
                        new ConfigBuilder(Config.empty())
                                .withMasterUrl(serverUrl)
                                .withOauthToken(token)
                                // fabric8 takes certificate data base64-encoded, as kubeconfig files hold it
                                .withCaCertData(
                                        caCertificate == null
                                                ? null
                                                : Base64.getEncoder()
                                                        .encodeToString(caCertificate.getBytes(StandardCharsets.UTF_8)))
                                .build();
                };
        // A transient API error is retried a few times, quickly; a run must not hang on a broken cluster.
        return new ConfigBuilder(base)
                .withRequestRetryBackoffLimit(3)
                .withRequestRetryBackoffInterval(200)
                .withConnectionTimeout(10_000)
                .withRequestTimeout(30_000)
                .build();
    }

    private static Config inClusterConfig() throws LoadTestException {
        String host = System.getenv("KUBERNETES_SERVICE_HOST");
        String port = System.getenv("KUBERNETES_SERVICE_PORT");
        Path tokenFile = SERVICE_ACCOUNT.resolve("token");
        if (host == null || !Files.isReadable(tokenFile)) {
            throw new LoadTestException("Not running inside a Kubernetes pod with a service account"
                    + " (KUBERNETES_SERVICE_HOST unset or " + tokenFile + " unreadable). Configure a kubeconfig or"
                    + " a server URL and token instead.");
        }
        String namespace = Files.isReadable(SERVICE_ACCOUNT.resolve("namespace"))
                ? read(SERVICE_ACCOUNT.resolve("namespace")).trim()
                : null;
        return new ConfigBuilder(Config.empty())
                .withMasterUrl("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                        + (port == null ? "443" : port))
                .withCaCertFile(SERVICE_ACCOUNT.resolve("ca.crt").toString())
                // Bound service account tokens rotate: read the file on every use.
                .withOauthTokenProvider(() -> readUnchecked(tokenFile).trim())
                .withNamespace(namespace)
                .build();
    }

    private static String read(Path file) throws LoadTestException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoadTestException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readUnchecked(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
