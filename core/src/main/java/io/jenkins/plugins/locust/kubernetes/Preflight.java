package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.jenkins.plugins.locust.kubernetes.PreflightReport.Check;
import io.jenkins.plugins.locust.kubernetes.PreflightReport.Status;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks before a run that it can start in a namespace, without starting anything: the server answers (and its
 * version), the identity holds every RBAC grant a run needs (one SelfSubjectAccessReview per verb, naming a missing
 * one and the docs/rbac.yaml rule that grants it), the namespace's Pod Security level, and a server-side dry run of
 * the rendered objects (admission and validation as the real create would do them, nothing stored). Shared by
 * {@code loadtest check} and the plugin's "Test connection"; Jenkins-free and never throws for what it finds.
 */
public final class Preflight {
    static final String POD_SECURITY_ENFORCE = "pod-security.kubernetes.io/enforce";
    /** Job podFailurePolicy (what keeps disruptions from failing the workers) is on by default from 1.26. */
    static final int MIN_MINOR = 26;

    private final KubernetesConnection connection;

    public Preflight(KubernetesConnection connection) {
        this.connection = connection;
    }

    /**
     * @param namespace the namespace to check; null or blank: the request's, else the connection's default
     * @param request a run as it would start (its rendered objects are dry-run); {@link PreflightSample#request} gives
     *     a small one when there is no test at hand
     */
    public PreflightReport check(String namespace, RunRequest request) {
        List<Check> checks = new ArrayList<>();
        KubernetesClient client;
        try {
            client = connection.open();
        } catch (LoadTestException e) {
            checks.add(new Check("connection", Status.FAILED, e.getMessage()));
            return new PreflightReport(null, checks);
        }
        try (client) {
            String ns = namespace == null || namespace.isBlank()
                    ? connection.namespaceFor(request.spec().kubernetes().namespace(), client)
                    : namespace.trim();
            Check server = server(client);
            checks.add(server);
            if (server.status() == Status.FAILED) {
                return new PreflightReport(ns, checks);
            }
            checks.add(permissions(client, ns));
            checks.add(podSecurity(client, ns));
            checks.add(dryRun(client, ns, request));
            return new PreflightReport(ns, checks);
        }
    }

    private Check server(KubernetesClient client) {
        try {
            VersionInfo version = client.getKubernetesVersion();
            String text = "Kubernetes " + version.getGitVersion() + " at " + client.getMasterUrl();
            int minor = minor(version.getMinor());
            if ("1".equals(version.getMajor()) && minor >= 0 && minor < MIN_MINOR) {
                return new Check(
                        "server",
                        Status.WARNING,
                        text + ": older than 1.26, where Jobs ignore podFailurePolicy, so a node drain or eviction"
                                + " counts as a crashed worker");
            }
            return new Check("server", Status.OK, text);
        } catch (KubernetesClientException e) {
            String why = e.getCode() == 401
                    ? "the credentials were not accepted (401); renew the token or kubeconfig"
                    : "no answer (" + rootCause(e) + "); check the server URL, its CA certificate and"
                            + " the network between this machine and the cluster";
            return new Check("server", Status.FAILED, "Kubernetes at " + client.getMasterUrl() + ": " + why);
        }
    }

    private Check permissions(KubernetesClient client, String namespace) {
        List<String> missing = new ArrayList<>();
        List<RunPermissions.Permission> all = RunPermissions.all();
        for (RunPermissions.Permission permission : all) {
            try {
                if (!allowed(client, namespace, permission)) {
                    missing.add(permission + " (docs/rbac.yaml: add \"" + permission.verb() + "\" to the verbs of"
                            + " the rule with " + permission.rbacLine() + ")");
                }
            } catch (KubernetesClientException e) {
                return new Check(
                        "permissions",
                        Status.FAILED,
                        KubernetesErrors.describe(e, "review the access of this identity", namespace));
            }
        }
        if (missing.isEmpty()) {
            return new Check(
                    "permissions",
                    Status.OK,
                    "all " + all.size() + " grants a run needs are there (" + String.join(", ", grouped(all)) + ")");
        }
        return new Check(
                "permissions",
                Status.FAILED,
                "missing in namespace " + namespace + ": " + String.join("; ", missing) + ". Apply docs/rbac.yaml"
                        + " in the namespace, bound to this identity.");
    }

    private static boolean allowed(KubernetesClient client, String namespace, RunPermissions.Permission permission) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withNamespace(namespace)
                .withGroup(permission.group())
                .withResource(permission.baseResource())
                .withSubresource(permission.subresource())
                .withVerb(permission.verb())
                .endResourceAttributes()
                .endSpec()
                .build();
        SelfSubjectAccessReview answer =
                client.authorization().v1().selfSubjectAccessReview().create(review);
        return answer.getStatus() != null
                && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }

    /** "configmaps: create, list, …" per resource. */
    private static List<String> grouped(List<RunPermissions.Permission> permissions) {
        Map<String, List<String>> verbs = new java.util.LinkedHashMap<>();
        permissions.forEach(p -> verbs.computeIfAbsent(p.qualifiedResource(), r -> new ArrayList<>())
                .add(p.verb()));
        return verbs.entrySet().stream()
                .map(e -> e.getKey() + " " + String.join("/", e.getValue()))
                .toList();
    }

    private Check podSecurity(KubernetesClient client, String namespace) {
        Namespace found;
        try {
            found = client.namespaces().withName(namespace).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return new Check(
                        "pod security",
                        Status.OK,
                        "level of namespace " + namespace + " not readable by this identity (docs/rbac.yaml grants"
                                + " nothing cluster-wide); the run's pods pass \"restricted\", the strictest level");
            }
            return new Check(
                    "pod security", Status.WARNING, KubernetesErrors.describe(e, "read the namespace", namespace));
        }
        if (found == null) {
            return new Check(
                    "pod security",
                    Status.FAILED,
                    "namespace " + namespace + " does not exist; create it (kubectl create namespace " + namespace
                            + ") or choose another");
        }
        Map<String, String> labels = found.getMetadata().getLabels();
        String level = labels == null ? null : labels.get(POD_SECURITY_ENFORCE);
        return new Check(
                "pod security",
                Status.OK,
                "namespace " + namespace + " enforces "
                        + (level == null ? "no level (" + POD_SECURITY_ENFORCE + " unset)" : "\"" + level + "\"")
                        + "; the run's pods pass \"restricted\", the strictest level");
    }

    private Check dryRun(KubernetesClient client, String namespace, RunRequest request) {
        KubernetesPlan plan;
        try {
            plan = KubernetesRenderer.render(request);
        } catch (RuntimeException e) {
            return new Check("dry run", Status.FAILED, "the run's objects do not render: " + e.getMessage());
        }
        List<String> accepted = new ArrayList<>();
        try {
            ConfigMap configMap = dryRunCreate(client, namespace, plan.configMap());
            accepted.add(describe(plan.configMap()));
            String uid = Objects.requireNonNullElse(configMap.getMetadata().getUid(), "dry-run");
            KubernetesPlan owned = plan.withOwner(uid);
            for (HasMetadata object : List.of(owned.service(), owned.masterJob(), owned.workerJob())) {
                dryRunCreate(client, namespace, object);
                accepted.add(describe(object));
            }
        } catch (DryRunRefused e) {
            return new Check("dry run", Status.FAILED, e.getMessage());
        }
        return new Check(
                "dry run",
                Status.OK,
                "the API server would accept " + String.join(", ", accepted) + " (server-side dry run, nothing"
                        + " created)");
    }

    private static <T extends HasMetadata> T dryRunCreate(KubernetesClient client, String namespace, T object)
            throws DryRunRefused {
        try {
            return client.resource(object).inNamespace(namespace).dryRun().create();
        } catch (KubernetesClientException e) {
            throw new DryRunRefused(KubernetesErrors.describe(e, "create " + describe(object), namespace));
        }
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getName();
    }

    private static int minor(String minor) {
        String digits = minor == null ? "" : minor.replaceAll("\\D.*", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }

    /** fabric8 wraps the I/O error ("Connection refused", "PKIX path building failed") in "An error has occurred". */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse("");
    }

    /** A dry-run create the server refused; its message is the check's detail. */
    private static final class DryRunRefused extends Exception {
        private static final long serialVersionUID = 1L;

        DryRunRefused(String message) {
            super(message);
        }
    }
}
