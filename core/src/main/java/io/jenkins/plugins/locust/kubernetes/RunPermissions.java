package io.jenkins.plugins.locust.kubernetes;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every request a run and the sweeper make in the run's namespace, as RBAC verbs on resources: what docs/rbac.yaml
 * grants, no more. Measured on a real API server (the test front records each call of a full run and a sweep), so
 * the preflight asks exactly for what a run will need, and names the rule of docs/rbac.yaml that grants it.
 */
final class RunPermissions {
    /** One verb on one resource; {@code group} is {@code ""} for the core API group. */
    record Permission(String group, String resource, String verb) {
        /** How the resource is written in a Kubernetes message, e.g. {@code jobs.batch} or {@code pods/log}. */
        String qualifiedResource() {
            return group.isEmpty() ? resource : resource + "." + group;
        }

        /** The line of docs/rbac.yaml whose rule grants it: each resource has its own rule there. */
        String rbacLine() {
            return "resources: [\"" + resource + "\"]";
        }

        String subresource() {
            int slash = resource.indexOf('/');
            return slash < 0 ? null : resource.substring(slash + 1);
        }

        String baseResource() {
            int slash = resource.indexOf('/');
            return slash < 0 ? resource : resource.substring(0, slash);
        }

        @Override
        public String toString() {
            return verb + " " + qualifiedResource();
        }
    }

    private static final List<Permission> ALL = Stream.of(
                    grants("", "configmaps", "create", "list", "delete", "deletecollection"),
                    grants("", "services", "create", "list", "delete", "deletecollection"),
                    grants("batch", "jobs", "create", "list", "watch", "delete", "deletecollection"),
                    grants("", "pods", "list", "watch", "delete", "deletecollection"),
                    grants("", "pods/log", "get"),
                    grants("", "events", "list", "watch"))
            .flatMap(List::stream)
            .toList();

    private RunPermissions() {}

    static List<Permission> all() {
        return ALL;
    }

    private static List<Permission> grants(String group, String resource, String... verbs) {
        return Stream.of(verbs)
                .map(verb -> new Permission(group, resource, verb))
                .toList();
    }
}
