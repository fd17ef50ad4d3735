package io.jenkins.plugins.locust.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import hudson.AbortException;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.Kubeconfig;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.TestRun;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.Token;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.UsernamePassword;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection.Mode;
import org.junit.jupiter.api.Test;

class ClusterConnectorTest {
    static final String SECRET = "s3cr3t-t0ken-value";
    static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBexample\n-----END CERTIFICATE-----";
    static final String KUBECONFIG =
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://10.0.0.1:6443"}
            users:
            - name: u
              user: {token: %s}
            contexts:
            - name: perf
              context: {cluster: c, user: u, namespace: from-kubeconfig}
            current-context: perf
            """
                    .formatted(SECRET);

    private final FakeCredentials credentials = new FakeCredentials()
            .with(new Token("k8s-token", SECRET))
            .with(new Kubeconfig("k8s-kubeconfig", KUBECONFIG))
            .with(new UsernamePassword("nexus-login"));
    private final ClusterConnector connector = new ClusterConnector(credentials);
    private final TestRun run = new TestRun("job #7");

    private static ClusterConfig cluster(String serverUrl, String credentialsId) {
        ClusterConfig cluster = new ClusterConfig("staging");
        cluster.setServerUrl(serverUrl);
        cluster.setCredentialsId(credentialsId);
        return cluster;
    }

    @Test
    void shouldUseTheControllersServiceAccountWithoutACredential() throws AbortException {
        KubernetesConnection connection = connector.forRun(cluster(null, null), run, null);

        assertThat(connection.mode()).isEqualTo(Mode.IN_CLUSTER);
        assertThat(credentials.lookups).isEmpty();
    }

    @Test
    void shouldResolveATokenWithTheBuildAsContextAndTrustTheGivenCa() throws AbortException {
        // given
        ClusterConfig cluster = cluster("https://k8s.example:6443", "k8s-token");
        cluster.setCaCertificate(PEM);
        cluster.setNamespace("load-tests");

        // when
        KubernetesConnection connection = connector.forRun(cluster, run, "fallback");

        // then
        assertThat(credentials.lookups).containsExactly("k8s-token for job #7");
        assertThat(connection.mode()).isEqualTo(Mode.TOKEN);
        assertThat(connection.serverUrl()).isEqualTo("https://k8s.example:6443");
        assertThat(connection.token()).isEqualTo(SECRET);
        assertThat(connection.caCertificate()).isEqualTo(PEM);
        assertThat(connection.namespace()).isEqualTo("load-tests");
    }

    @Test
    void shouldReadAKubeconfigWithItsContextAndFallBackToTheDefaultNamespace() throws AbortException {
        ClusterConfig cluster = cluster(null, "k8s-kubeconfig");
        cluster.setContext("perf");

        KubernetesConnection connection = connector.forRun(cluster, run, "fallback");

        assertThat(connection.mode()).isEqualTo(Mode.KUBECONFIG_CONTENT);
        assertThat(connection.kubeconfig()).isEqualTo(KUBECONFIG);
        assertThat(connection.context()).isEqualTo("perf");
        assertThat(connection.namespace()).isEqualTo("fallback");
    }

    @Test
    void shouldNameTheClusterAndTheIdOfAnUnknownCredential() {
        AbortException e = catchThrowableOfType(
                AbortException.class, () -> connector.forRun(cluster("https://k8s.example", "gone"), run, null));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("cluster 'staging'", "no credential with id 'gone'", LoadTestGlobalConfiguration.WHERE);
    }

    @Test
    void shouldRejectACredentialOfAnotherTypeNamingIt() {
        AbortException e = catchThrowableOfType(
                AbortException.class, () -> connector.forRun(cluster("https://k8s.example", "nexus-login"), run, null));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("'nexus-login' is a UsernamePassword", "Secret text", "Secret file");
    }

    @Test
    void shouldSayWhatIsMissingFromAnIncompleteCluster() {
        assertThat(messageOf(cluster(null, "k8s-token"))).contains("needs the API server's URL");
        assertThat(messageOf(cluster("https://k8s.example", "k8s-kubeconfig"))).contains("leave Server URL empty");
        assertThat(messageOf(cluster("https://k8s.example", null))).contains("a server URL needs a credential");
    }

    @Test
    void shouldRefuseAFileTooLargeToBeAKubeconfig() {
        credentials.with(new Kubeconfig("huge", "x".repeat(ClusterConnector.MAX_KUBECONFIG_BYTES + 1)));

        assertThat(messageOf(cluster(null, "huge"))).contains("larger than 1 MiB");
    }

    @Test
    void shouldLookUpAsJenkinsItselfOnlyForTheAdministratorsTest() throws AbortException {
        connector.forAdministrator(cluster("https://k8s.example", "k8s-token"), null);

        assertThat(credentials.lookups).containsExactly("k8s-token for an administrator");
    }

    @Test
    void shouldNeverPrintTheSecret() throws AbortException {
        ClusterConfig token = cluster("https://k8s.example", "k8s-token");
        ClusterConfig kubeconfig = cluster(null, "k8s-kubeconfig");

        assertThat(connector.forRun(token, run, null).toString()).doesNotContain(SECRET);
        assertThat(connector.forRun(kubeconfig, run, null).toString()).doesNotContain(SECRET);
        assertThat(token.toString()).doesNotContain(SECRET).contains("k8s-token");
        assertThat(messageOf(cluster(null, "k8s-token"))).doesNotContain(SECRET);
    }

    private String messageOf(ClusterConfig cluster) {
        AbortException e = catchThrowableOfType(AbortException.class, () -> connector.forRun(cluster, run, null));
        assertThat(e).as("expected %s to be rejected", cluster).isNotNull();
        return e.getMessage();
    }
}
