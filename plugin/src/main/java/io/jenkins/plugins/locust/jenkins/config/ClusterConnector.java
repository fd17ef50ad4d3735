package io.jenkins.plugins.locust.jenkins.config;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.locust.jenkins.Messages;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a configured cluster into core's {@link KubernetesConnection} at use time, resolving its credential then and
 * there: the configuration holds only the credential's id, and the connection lives only as long as the run needs it.
 * Every error names the cluster, the credential id and the fix, never the secret.
 */
final class ClusterConnector {
    /** Far above any real kubeconfig; stops a wrong file from being read into memory. */
    static final int MAX_KUBECONFIG_BYTES = 1024 * 1024;

    private final CredentialsSource credentials;

    ClusterConnector(CredentialsSource credentials) {
        this.credentials = credentials;
    }

    /** The connection for a build: the credential as the build's job may use it. */
    KubernetesConnection forRun(ClusterConfig cluster, Run<?, ?> run, @CheckForNull String defaultNamespace)
            throws AbortException {
        return connect(
                cluster,
                id -> credentials.forRun(id, run),
                Messages::ClusterConnector_NoCredentialForBuild,
                defaultNamespace);
    }

    /** The connection for "Test connection" on the configuration page (administrators only). */
    KubernetesConnection forAdministrator(ClusterConfig cluster, @CheckForNull String defaultNamespace)
            throws AbortException {
        return connect(
                cluster, credentials::forAdministrator, Messages::ClusterConnector_NoCredential, defaultNamespace);
    }

    private KubernetesConnection connect(
            ClusterConfig cluster,
            Function<String, StandardCredentials> lookup,
            Function<String, String> notFound,
            @CheckForNull String defaultNamespace)
            throws AbortException {
        String namespace = cluster.getNamespace() != null ? cluster.getNamespace() : defaultNamespace;
        String id = cluster.getCredentialsId();
        if (id == null) {
            if (cluster.getServerUrl() != null) {
                throw problem(cluster, Messages.ClusterConnector_UrlNeedsCredential());
            }
            return KubernetesConnection.inCluster().withNamespace(namespace);
        }
        StandardCredentials credential = lookup.apply(id);
        if (credential == null) {
            throw problem(cluster, notFound.apply(id));
        }
        if (credential instanceof StringCredentials token) {
            if (cluster.getServerUrl() == null) {
                throw problem(cluster, Messages.ClusterConnector_TokenNeedsUrl(id));
            }
            return KubernetesConnection.token(
                            cluster.getServerUrl(), credentials.secretText(token), cluster.getCaCertificate())
                    .withNamespace(namespace);
        }
        if (credential instanceof FileCredentials kubeconfig) {
            if (cluster.getServerUrl() != null) {
                throw problem(cluster, Messages.ClusterConnector_KubeconfigWithUrl(id));
            }
            return KubernetesConnection.kubeconfigContent(read(cluster, kubeconfig), cluster.getContext())
                    .withNamespace(namespace);
        }
        throw problem(
                cluster,
                Messages.ClusterConnector_WrongType(id, credential.getClass().getSimpleName()));
    }

    private static String read(ClusterConfig cluster, FileCredentials kubeconfig) throws AbortException {
        try (InputStream in = kubeconfig.getContent()) {
            byte[] content = in.readNBytes(MAX_KUBECONFIG_BYTES + 1);
            if (content.length > MAX_KUBECONFIG_BYTES) {
                throw problem(cluster, Messages.ClusterConnector_KubeconfigTooLarge(kubeconfig.getId()));
            }
            return new String(content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (e instanceof AbortException abort) {
                throw abort;
            }
            throw problem(cluster, Messages.ClusterConnector_KubeconfigUnreadable(kubeconfig.getId(), e.getMessage()));
        }
    }

    private static AbortException problem(ClusterConfig cluster, String message) {
        return new AbortException(
                Messages.ClusterConnector_Problem(cluster.getName(), message, LoadTestGlobalConfiguration.where()));
    }
}
