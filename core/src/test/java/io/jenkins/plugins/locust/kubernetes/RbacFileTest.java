package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RbacFileTest {
    @Test
    void shouldBindTheNamespacedRoleItDefines() throws IOException {
        // when
        RbacFile rbac = RbacFile.load();

        // then
        assertThat(rbac.binding().getRoleRef().getKind()).isEqualTo("Role");
        assertThat(rbac.binding().getRoleRef().getName())
                .isEqualTo(rbac.role().getMetadata().getName());
        assertThat(rbac.binding().getMetadata().getNamespace())
                .isEqualTo(rbac.role().getMetadata().getNamespace());
    }

    @ParameterizedTest(name = "{0} {1}/{2}")
    @CsvSource({
        "create, '', configmaps",
        "delete, '', configmaps",
        "create, '', services",
        "create, batch, jobs",
        "deletecollection, batch, jobs",
        "list, '', pods",
        "watch, '', pods",
        "delete, '', pods",
        "get, '', pods/log",
        "list, '', events",
    })
    void shouldGrantWhatTheEngineDoes(String verb, String group, String resource) throws IOException {
        assertThat(RbacFile.load().allows(verb, group, resource)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}/{2}")
    @CsvSource({
        "get, '', secrets",
        "list, '', secrets",
        "create, '', pods",
        "create, '', pods/exec",
        "get, '', pods/exec",
        "create, '', pods/attach",
        "create, '', pods/portforward",
        "get, '', services/proxy",
        "update, '', configmaps",
        "patch, batch, jobs",
        "create, apps, deployments",
        "create, rbac.authorization.k8s.io, roles",
    })
    void shouldGrantNothingElse(String verb, String group, String resource) throws IOException {
        assertThat(RbacFile.load().allows(verb, group, resource)).isFalse();
    }

    @Test
    void shouldGrantExactlyWhatThePreflightAsksFor() throws IOException {
        // given
        RbacFile rbac = RbacFile.load();

        // when
        List<String> granted = rbac.role().getRules().stream()
                .flatMap(rule -> rule.getApiGroups().stream()
                        .flatMap(group -> rule.getResources().stream().flatMap(resource -> rule.getVerbs().stream()
                                .map(verb -> new RunPermissions.Permission(group, resource, verb).toString()))))
                .toList();

        // then
        assertThat(granted)
                .containsExactlyInAnyOrderElementsOf(RunPermissions.all().stream()
                        .map(RunPermissions.Permission::toString)
                        .toList());
    }

    @Test
    void shouldHoldTheLineThePreflightNamesForEachGrant() throws IOException {
        // given
        List<String> lines = Files.readAllLines(RbacFile.PATH);

        // then each permission's rule is one line, with only that resource, followed by its verbs
        for (RunPermissions.Permission permission : RunPermissions.all()) {
            int line = lines.stream().map(String::trim).toList().indexOf(permission.rbacLine());
            assertThat(line).as(permission.rbacLine()).isNotNegative();
            assertThat(lines.get(line + 1)).contains("\"" + permission.verb() + "\"");
        }
    }

    @Test
    void shouldUseNoWildcards() throws IOException {
        for (PolicyRule rule : RbacFile.load().role().getRules()) {
            assertThat(rule.getApiGroups()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*");
            assertThat(rule.getVerbs()).doesNotContain("*");
        }
    }
}
