package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.kubernetes.testcluster.ApiCall;
import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/rbac.yaml measured: a full run and a sweep of a dead run's leftovers, as the service account bound to exactly
 * that Role (a real API server enforcing RBAC), must succeed, make only calls the Role grants (any other was a 403),
 * and use every grant: the Role is exactly what the code calls, and what the preflight asks for.
 */
class LeastPrivilegeIT {
    private KubernetesFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new KubernetesFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void shouldRunAndSweepWithExactlyTheRoleOfDocsRbacYaml() throws Exception {
        // given leftovers of a run whose controller died, created by an admin
        LoadTestSpec leftover = fixture.spec().slaves(1).build();
        KubernetesPlan plan =
                KubernetesRenderer.render(new RunRequest("it-dead", leftover, KubernetesFixture.files(leftover)));
        new RunResources(fixture.cluster.client(), fixture.cluster.namespace(), "it-dead").create(plan);

        // when a full run and a sweep run as the bound service account
        RunOutcome outcome = new LoadTestRunner(fixture.backend(), line -> {})
                .run("it-rbac", fixture.spec().slaves(2).build(), fixture.workspace.resolve("out"), Optional.empty());
        List<KubernetesSweeper.Swept> swept;
        try (var runClient = fixture.cluster.runClient()) {
            swept = new KubernetesSweeper(runClient, fixture.cluster.namespace()).sweep(Duration.ZERO);
        }

        // then
        assertThat(outcome.result().aggregated().requests()).isPositive();
        assertThat(swept).isNotEmpty();
        RbacFile rbac = RbacFile.load();
        List<ApiCall> calls = fixture.cluster.apiCalls().stream()
                .filter(c -> c.group() != null && c.resource() != null)
                .toList();
        assertThat(calls).allSatisfy(call -> assertThat(rbac.allows(call.verb(), call.group(), call.rbacResource()))
                .as("%s is granted by docs/rbac.yaml (else it got a 403)", call)
                .isTrue());
        Set<String> used = calls.stream()
                .map(c -> new RunPermissions.Permission(c.group(), c.rbacResource(), c.verb()).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.println("RBAC verbs a run and a sweep used: " + used);
        assertThat(used)
                .containsExactlyInAnyOrderElementsOf(RunPermissions.all().stream()
                        .map(RunPermissions.Permission::toString)
                        .toList());
        assertThat(fixture.clean("it-rbac")).isTrue();
        assertThat(fixture.clean("it-dead")).isTrue();
    }
}
