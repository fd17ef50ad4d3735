package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.locust.kubernetes.PreflightReport.Check;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's logic over canned API answers. fabric8's expectation server stands in for the API server here
 * because it lets one test deny chosen verbs; PreflightIT runs the same checks against the real control plane.
 */
class PreflightTest {
    private KubernetesMockServer server;

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
                .andReturn(403, forbidden())
                .always();
        for (String path : Set.of(
                "/api/v1/namespaces/load-tests/configmaps?dryRun=All",
                "/api/v1/namespaces/load-tests/services?dryRun=All",
                "/apis/batch/v1/namespaces/load-tests/jobs?dryRun=All")) {
            server.expect()
                    .post()
                    .withPath(path)
                    .andReply(201, request -> request.getBody().readUtf8())
                    .always();
        }
    }

    @AfterEach
    void stopServer() {
        server.destroy();
    }

    @Test
    void shouldNameAMissingVerbAndTheRbacRuleThatGrantsIt() throws Exception {
        // given an identity that may do everything but watch Jobs
        answerAccessReviews(Set.of("watch jobs.batch"));

        // when
        PreflightReport report = preflight();

        // then
        assertThat(report.passed()).isFalse();
        Check permissions = report.check("permissions").orElseThrow();
        assertThat(permissions.status()).isEqualTo(PreflightReport.Status.FAILED);
        assertThat(permissions.detail())
                .contains("watch jobs.batch")
                .contains("add \"watch\" to the verbs of the rule with resources: [\"jobs\"]")
                .doesNotContain("create jobs.batch");
    }

    @Test
    void shouldPassWithEveryGrantTheVersionAndTheDryRun() throws Exception {
        // given
        answerAccessReviews(Set.of());

        // when
        PreflightReport report = preflight();

        // then
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.namespace()).isEqualTo("load-tests");
        assertThat(report.check("server").orElseThrow().detail()).startsWith("Kubernetes v1.34.4 at ");
        assertThat(report.check("permissions").orElseThrow().detail())
                .startsWith("all " + RunPermissions.all().size() + " grants");
        assertThat(report.check("pod security").orElseThrow().detail()).contains("not readable by this identity");
        assertThat(report.check("dry run").orElseThrow().detail())
                .contains("ConfigMap locust-preflight-check-files", "Job locust-preflight-check-worker");
    }

    @Test
    void shouldStopAtAServerThatDoesNotAnswer() throws Exception {
        // given
        String url = server.url("/");
        server.destroy();

        // when
        PreflightReport report = new Preflight(KubernetesConnection.token(url, "t"))
                .check("load-tests", PreflightSample.request(KubernetesOptions.DEFAULT));

        // then
        assertThat(report.passed()).isFalse();
        assertThat(report.checks()).extracting(Check::name).containsExactly("server");
        server = new KubernetesMockServer(false);
    }

    private PreflightReport preflight() throws Exception {
        return new Preflight(KubernetesConnection.token(server.url("/"), "t"))
                .check("load-tests", PreflightSample.request(KubernetesOptions.DEFAULT));
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
                    review.setStatus(new io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus(
                            !denied.contains(attributes.getVerb() + " " + resource), null, null, null));
                    return review;
                })
                .always();
    }

    private static Status forbidden() {
        return new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("namespaces \"load-tests\" is forbidden")
                .build();
    }
}
