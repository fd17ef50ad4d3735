package io.jenkins.plugins.locust.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.jenkins.plugins.locust.jenkins.config.ConnectionTest.Outcome;
import io.jenkins.plugins.locust.jenkins.config.ConnectionTest.Status;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.Kubeconfig;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.Token;
import io.jenkins.plugins.locust.kubernetes.testcluster.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" against the real test control plane (kube-apiserver v1.34.4 with RBAC and Pod Security
 * admission, over HTTPS): each kind of configured cluster, and an identity without the grants of docs/rbac.yaml.
 */
class ConnectionTestIT {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Outcome test(FakeCredentials credentials, ClusterConfig config) {
        return new ConnectionTest(new ClusterConnector(credentials), LoadTestDefaults::new).run(config);
    }

    private static ClusterConfig byUrl(String credentialsId, String caPem) {
        ClusterConfig config = new ClusterConfig("test-plane");
        config.setServerUrl(cluster.url());
        config.setCredentialsId(credentialsId);
        config.setCaCertificate(caPem);
        config.setNamespace(cluster.namespace());
        return config;
    }

    @Test
    void shouldPassEveryCheckWithATokenTheUrlAndTheCa() {
        // given: the identity docs/rbac.yaml binds in the namespace
        FakeCredentials credentials = new FakeCredentials().with(new Token("runner-token", cluster.token()));

        // when
        Outcome outcome = test(credentials, byUrl("runner-token", cluster.caPem()));

        // then
        assertThat(outcome.status()).as(outcome.text()).isIn(Status.OK, Status.WARNING);
        assertThat(outcome.text())
                .contains("server: OK - Kubernetes v1.34.4", "permissions: OK - all ", "pod security: OK - ")
                .contains("dry run: OK - the API server would accept")
                .doesNotContain(cluster.token());
    }

    @Test
    void shouldPassWithAKubeconfigCredential() {
        FakeCredentials credentials =
                new FakeCredentials().with(new Kubeconfig("runner-kubeconfig", cluster.kubeconfig()));
        ClusterConfig config = new ClusterConfig("test-plane");
        config.setCredentialsId("runner-kubeconfig");

        Outcome outcome = test(credentials, config);

        assertThat(outcome.status()).as(outcome.text()).isIn(Status.OK, Status.WARNING);
        assertThat(outcome.text()).contains("permissions: OK", "dry run: OK").doesNotContain(cluster.token());
    }

    @Test
    void shouldRefuseAServerWhoseCertificateItCannotTrust() {
        FakeCredentials credentials = new FakeCredentials().with(new Token("runner-token", cluster.token()));

        Outcome outcome = test(credentials, byUrl("runner-token", null));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.text()).startsWith("server: FAILED").contains("check the server URL, its CA certificate");
    }

    @Test
    void shouldNameTheVerbsAndResourcesAnIdentityWithoutTheRoleLacks() {
        // given: a service account of the namespace that no Role binds
        cluster.client()
                .serviceAccounts()
                .inNamespace(cluster.namespace())
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName("nobody")
                        .endMetadata()
                        .build())
                .create();
        String token = cluster.client()
                .serviceAccounts()
                .inNamespace(cluster.namespace())
                .withName("nobody")
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        FakeCredentials credentials = new FakeCredentials().with(new Token("nobody-token", token));

        // when
        Outcome outcome = test(credentials, byUrl("nobody-token", cluster.caPem()));

        // then
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.text())
                .contains("server: OK")
                .contains("permissions: FAILED - missing in namespace " + cluster.namespace())
                .contains("create configmaps", "watch jobs.batch", "get pods/log");
    }
}
