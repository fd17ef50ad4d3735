package io.jenkins.plugins.locust.kubernetes.testcluster;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Kubeconfig files for the test control plane, built as fabric8 objects (never string-templated). */
final class Kubeconfigs {
    private Kubeconfigs() {}

    /** One cluster (trusting {@code caPem}), one user with a bearer token, one current context. */
    static String of(String server, String caPem, String token, String namespace) {
        return new KubernetesSerialization()
                .asYaml(new ConfigBuilder()
                        .withApiVersion("v1")
                        .withKind("Config")
                        .addNewCluster()
                        .withName("test")
                        .withNewCluster()
                        .withServer(server)
                        .withCertificateAuthorityData(
                                Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)))
                        .endCluster()
                        .endCluster()
                        .addNewUser()
                        .withName("test")
                        .withNewUser()
                        .withToken(token)
                        .endUser()
                        .endUser()
                        .addNewContext()
                        .withName("test")
                        .withNewContext()
                        .withCluster("test")
                        .withUser("test")
                        .withNamespace(namespace)
                        .endContext()
                        .endContext()
                        .withCurrentContext("test")
                        .build());
    }
}
