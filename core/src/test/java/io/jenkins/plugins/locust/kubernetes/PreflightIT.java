package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.locust.kubernetes.testcluster.TestCluster;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The preflight against a real API server: RBAC answered by SelfSubjectAccessReviews, a real dry run. */
class PreflightIT {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void shouldPassForTheIdentityBoundToDocsRbacYaml() throws Exception {
        // when
        PreflightReport report = new Preflight(cluster.connection())
                .check(cluster.namespace(), PreflightSample.request(KubernetesOptions.DEFAULT));

        // then
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.check("server").orElseThrow().detail()).startsWith("Kubernetes v1.34.4 at ");
        assertThat(report.check("permissions").orElseThrow().status()).isEqualTo(PreflightReport.Status.OK);
        assertThat(report.check("pod security").orElseThrow().detail()).contains("not readable by this identity");
        assertThat(report.check("dry run").orElseThrow().detail()).contains("Job locust-preflight-check-worker");
        assertThat(cluster.objectsLabelled(RunNames.RUN_ID_LABEL, PreflightSample.RUN_ID))
                .isEmpty();
    }

    @Test
    void shouldNameAVerbTheRoleLacksAndTheRbacLineThatGrantsIt() throws Exception {
        // given an identity bound to docs/rbac.yaml without "watch" on jobs
        String token = identityWithout("jobs", "watch");

        // when
        KubernetesConnection partial =
                KubernetesConnection.kubeconfigContent(cluster.kubeconfig().replace(cluster.token(), token), null);
        PreflightReport report =
                new Preflight(partial).check(cluster.namespace(), PreflightSample.request(KubernetesOptions.DEFAULT));

        // then
        assertThat(report.passed()).isFalse();
        assertThat(report.check("permissions").orElseThrow().detail())
                .contains("watch jobs.batch (docs/rbac.yaml: add \"watch\" to the verbs of the rule with"
                        + " resources: [\"jobs\"])")
                .doesNotContain("create jobs.batch");
    }

    @Test
    void shouldFailTheDryRunInANamespaceThatDoesNotExist() throws Exception {
        // when
        PreflightReport report = new Preflight(cluster.connection())
                .check("no-such-namespace", PreflightSample.request(KubernetesOptions.DEFAULT));

        // then
        assertThat(report.passed()).isFalse();
        assertThat(report.check("dry run").orElseThrow().status()).isEqualTo(PreflightReport.Status.FAILED);
        assertThat(report.check("dry run").orElseThrow().detail()).contains("no-such-namespace");
    }

    /** A service account bound to a copy of docs/rbac.yaml's Role with one verb removed; its token. */
    private static String identityWithout(String resource, String verb) throws Exception {
        KubernetesClient admin = cluster.client();
        String ns = cluster.namespace();
        String name = "partial-" + verb;
        List<PolicyRule> rules = new ArrayList<>();
        for (PolicyRule rule : RbacFile.load().role().getRules()) {
            List<String> verbs = new ArrayList<>(rule.getVerbs());
            if (rule.getResources().contains(resource)) {
                verbs.remove(verb);
            }
            rules.add(new PolicyRuleBuilder(rule).withVerbs(verbs).build());
        }
        admin.rbac()
                .roles()
                .inNamespace(ns)
                .resource(new RoleBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withRules(rules)
                        .build())
                .create();
        admin.serviceAccounts()
                .inNamespace(ns)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
        admin.rbac()
                .roleBindings()
                .inNamespace(ns)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName(name)
                        .withNamespace(ns)
                        .endSubject()
                        .withNewRoleRef()
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withKind("Role")
                        .withName(name)
                        .endRoleRef()
                        .build())
                .create();
        return admin.serviceAccounts()
                .inNamespace(ns)
                .withName(name)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(3600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
    }
}
