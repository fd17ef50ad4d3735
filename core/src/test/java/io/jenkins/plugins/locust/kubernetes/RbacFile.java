package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code docs/rbac.yaml} as fabric8 objects, and whether its Role grants a request: for tests that record what the
 * engine asks the API server and check each call against the documented grants.
 */
record RbacFile(Role role, RoleBinding binding) {
    /** From the core module's working directory (how surefire and failsafe run). */
    static final Path PATH = Path.of("..", "docs", "rbac.yaml");

    static RbacFile load() throws IOException {
        List<HasMetadata> objects;
        try (InputStream in = Files.newInputStream(PATH)) {
            objects = new KubernetesSerialization().unmarshal(in);
        }
        Role role = objects.stream()
                .filter(Role.class::isInstance)
                .map(Role.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(PATH + " has no Role"));
        RoleBinding binding = objects.stream()
                .filter(RoleBinding.class::isInstance)
                .map(RoleBinding.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(PATH + " has no RoleBinding"));
        return new RbacFile(role, binding);
    }

    /**
     * @param apiGroup {@code ""} for the core group, {@code batch} for Jobs
     * @param resource a resource or {@code resource/subresource}, e.g. {@code pods/log}
     */
    boolean allows(String verb, String apiGroup, String resource) {
        return role.getRules().stream().anyMatch(rule -> matches(rule, verb, apiGroup, resource));
    }

    private static boolean matches(PolicyRule rule, String verb, String apiGroup, String resource) {
        return (rule.getApiGroups().contains(apiGroup) || rule.getApiGroups().contains("*"))
                && (rule.getResources().contains(resource)
                        || rule.getResources().contains("*"))
                && (rule.getVerbs().contains(verb) || rule.getVerbs().contains("*"));
    }
}
