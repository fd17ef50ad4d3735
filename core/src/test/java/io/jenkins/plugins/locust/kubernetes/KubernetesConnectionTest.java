package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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

    @Test
    void shouldKeepTheSecretsOutOfEveryFieldThatIsSavedOrSerialized() throws Exception {
        // given connections built from credentials
        List<KubernetesConnection> connections = List.of(
                KubernetesConnection.token("https://k8s.example", "t0ken-s3cret", "-----BEGIN CERTIFICATE-----")
                        .withNamespace("ns"),
                KubernetesConnection.kubeconfigContent(KUBECONFIG, "ctx").withNamespace("ns"));

        // then no field that XStream (Jenkins' XML) or a serializer would write holds the token or the kubeconfig
        assertThat(java.io.Serializable.class.isAssignableFrom(KubernetesConnection.class))
                .isFalse();
        for (KubernetesConnection connection : connections) {
            for (Field field : KubernetesConnection.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                assertThat(String.valueOf(field.get(connection)))
                        .as("field %s", field.getName())
                        .doesNotContain("t0ken-s3cret")
                        .doesNotContain("secret-token");
            }
            assertThat(connection.toString()).doesNotContain("t0ken-s3cret").doesNotContain("secret-token");
        }
        // and the secrets still reach the client
        assertThat(connections.get(0).config().getOauthToken()).isEqualTo("t0ken-s3cret");
        assertThat(connections.get(1).config().getMasterUrl()).startsWith("https://10.0.0.1:6443");
    }
}
