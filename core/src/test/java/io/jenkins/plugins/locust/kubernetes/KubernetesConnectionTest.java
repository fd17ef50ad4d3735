package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KubernetesConnectionTest {
    private static final String KUBECONFIG =
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://10.0.0.1:6443"}
            users:
            - name: u
              user: {token: secret-token}
            contexts:
            - name: ctx
              context: {cluster: c, user: u, namespace: load-tests}
            current-context: ctx
            """;

    @Test
    void shouldBuildATokenConfigWithShortRetriesAndTimeouts() throws Exception {
        Config config =
                KubernetesConnection.token("https://k8s.example:6443", "t0ken").config();

        assertThat(config.getMasterUrl()).startsWith("https://k8s.example:6443");
        assertThat(config.getOauthToken()).isEqualTo("t0ken");
        assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(3);
    }

    @Test
    void shouldTrustTheGivenCaCertificateForATokenConnection() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIBdummy\n-----END CERTIFICATE-----";

        Config config = KubernetesConnection.token("https://k8s.example:6443", "t0ken", "\n" + pem + "\n")
                .config();

        assertThat(new String(Base64.getDecoder().decode(config.getCaCertData()), StandardCharsets.UTF_8))
                .isEqualTo(pem);
        assertThat(KubernetesConnection.token("https://k8s.example:6443", "t0ken", " ")
                        .config()
                        .getCaCertData())
                .isNull();
        assertThat(KubernetesConnection.token("https://k8s.example", "t0ken", pem))
                .hasToString("KubernetesConnection[server https://k8s.example with its CA certificate]");
    }

    @Test
    void shouldReadTheNamespaceAndServerFromKubeconfigContent() throws Exception {
        Config config = KubernetesConnection.kubeconfigContent(KUBECONFIG, null).config();

        assertThat(config.getMasterUrl()).startsWith("https://10.0.0.1:6443");
        assertThat(config.getNamespace()).isEqualTo("load-tests");
    }

    @Test
    void shouldNeverPrintTheTokenOrTheKubeconfig() {
        assertThat(KubernetesConnection.token("https://k8s.example", "t0ken").withNamespace("ns"))
                .hasToString("KubernetesConnection[server https://k8s.example, namespace ns]");
        assertThat(KubernetesConnection.kubeconfigContent(KUBECONFIG, "ctx").toString())
                .doesNotContain("secret-token");
    }
}
