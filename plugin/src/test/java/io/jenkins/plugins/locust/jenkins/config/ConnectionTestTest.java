package io.jenkins.plugins.locust.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.locust.jenkins.config.ConnectionTest.Outcome;
import io.jenkins.plugins.locust.jenkins.config.ConnectionTest.Status;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.Token;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" from the cluster form to an API server over HTTP with the real fabric8 client, fast: fabric8's
 * expectation server stands in for the API server because it lets one test deny chosen verbs and answer canned
 * versions. ConnectionTestIT runs the same button against the real test control plane.
 */
class ConnectionTestTest {
    private static final String SECRET = "t0k3n-s3cr3t";

    private KubernetesMockServer server;
    private final List<String> dryRunBodies = new CopyOnWriteArrayList<>();
    private final FakeCredentials credentials = new FakeCredentials().with(new Token("k8s-token", SECRET));
    private final LoadTestDefaults defaults = new LoadTestDefaults();

    @BeforeEach
    void startServer() {
        server = new KubernetesMockServer(false);
        server.init();
        server.setVersionInfo(new VersionInfo.Builder()
                .withMajor("1")
                .withMinor("34")
                .withGitVersion("v1.34.4")
                .build());
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/load-tests")
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .build())
                .always();
        for (String path : Set.of(
                "/api/v1/namespaces/load-tests/configmaps?dryRun=All",
                "/api/v1/namespaces/load-tests/services?dryRun=All",
                "/apis/batch/v1/namespaces/load-tests/jobs?dryRun=All")) {
            server.expect()
                    .post()
                    .withPath(path)
                    .andReply(201, request -> {
                        String body = request.getBody().readUtf8();
                        dryRunBodies.add(body);
                        return body;
                    })
                    .always();
        }
    }

    @AfterEach
    void stopServer() {
        server.destroy();
    }

    private ClusterConfig cluster(String credentialsId) {
        ClusterConfig cluster = new ClusterConfig("staging");
        cluster.setServerUrl(server.url("/"));
        cluster.setCredentialsId(credentialsId);
        cluster.setNamespace("load-tests");
        return cluster;
    }

    private Outcome test(ClusterConfig cluster) {
        return new ConnectionTest(new ClusterConnector(credentials), () -> defaults).run(cluster);
    }

    @Test
    void shouldReportTheVersionThePermissionsThePodSecurityAndTheDryRun() {
        // given
        answerAccessReviews(Set.of());
        defaults.setImage("registry.example.com/locust:2.47.0");

        // when
        Outcome outcome = test(cluster("k8s-token"));

        // then
        assertThat(outcome.status()).as(outcome.text()).isEqualTo(Status.OK);
        assertThat(outcome.text().lines())
                .satisfiesExactly(
                        server -> assertThat(server).startsWith("server: OK - Kubernetes v1.34.4 at "),
                        permissions -> assertThat(permissions).startsWith("permissions: OK - all "),
                        podSecurity -> assertThat(podSecurity).startsWith("pod security: OK - "),
                        dryRun -> assertThat(dryRun).startsWith("dry run: OK - the API server would accept"));
        assertThat(dryRunBodies).as("the dry run uses the configured defaults").anySatisfy(body -> assertThat(body)
                .contains("registry.example.com/locust:2.47.0"));
        assertThat(outcome.text()).doesNotContain(SECRET);
    }

    @Test
    void shouldNameAMissingVerbAndResource() {
        answerAccessReviews(Set.of("watch jobs.batch"));

        Outcome outcome = test(cluster("k8s-token"));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.text()).contains("permissions: FAILED", "watch jobs.batch", "load-tests");
    }

    @Test
    void shouldSayWhenTheServerRefusesTheToken() throws IOException {
        // given: an API server that refuses every request as unauthenticated (the expectation server always
        // answers /version itself, so a plain HTTP server plays this one)
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":401}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        ClusterConfig cluster = cluster("k8s-token");
        cluster.setServerUrl("http://127.0.0.1:" + refusing.getAddress().getPort());

        // when
        Outcome outcome;
        try {
            outcome = test(cluster);
        } finally {
            refusing.stop(0);
        }

        // then
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.text())
                .startsWith("server: FAILED")
                .contains("not accepted (401)")
                .doesNotContain(SECRET);
    }

    @Test
    void shouldNotCallTheServerForAnUnknownCredential() {
        Outcome outcome = test(cluster("missing"));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.text()).contains("no credential with id 'missing'");
        assertThat(server.getRequestCount()).isZero();
    }

    private void answerAccessReviews(Set<String> denied) {
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReply(201, request -> {
                    SelfSubjectAccessReview review =
                            Serialization.unmarshal(request.getBody().readUtf8(), SelfSubjectAccessReview.class);
                    var attributes = review.getSpec().getResourceAttributes();
                    String resource = attributes.getResource()
                            + (attributes.getSubresource() == null ? "" : "/" + attributes.getSubresource())
                            + (attributes.getGroup().isEmpty() ? "" : "." + attributes.getGroup());
                    review.setStatus(new SubjectAccessReviewStatus(
                            !denied.contains(attributes.getVerb() + " " + resource), null, null, null));
                    return review;
                })
                .always();
    }
}
