package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.jenkins.plugins.locust.spec.LabelSyntax;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's validation of the pod fields a pod overlay typically sets (labels, selectors and affinity,
 * tolerations, spread constraints, enum values, requests against limits), done before anything is created: without
 * it such a mistake passes {@code render} and fails at create time with a 422, after the ConfigMap and the Service
 * already exist.
 */
final class PodFieldCheck {
    /** One field the API server would refuse: where, its value, and what to write instead. */
    record Problem(String field, String value, String fix) {}

    private static final Set<String> NODE_OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");
    private static final Set<String> LABEL_OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private final List<Problem> problems = new ArrayList<>();

    private PodFieldCheck() {}

    static List<Problem> check(PodTemplateSpec pod) {
        PodFieldCheck check = new PodFieldCheck();
        if (pod.getMetadata() != null) {
            check.labels("metadata.labels", pod.getMetadata().getLabels());
            map(pod.getMetadata().getAnnotations()).keySet().forEach(key -> LabelSyntax.keyProblem(key)
                    .ifPresent(p -> check.problem("metadata.annotations", key, p.replace("label", "annotation"))));
        }
        if (pod.getSpec() != null) {
            check.spec(pod.getSpec());
        }
        return List.copyOf(check.problems);
    }

    private void spec(PodSpec spec) {
        labels("spec.nodeSelector", spec.getNodeSelector());
        oneOf("spec.restartPolicy", spec.getRestartPolicy(), Set.of("Never"), "a Job's pods here restart never");
        oneOf(
                "spec.dnsPolicy",
                spec.getDnsPolicy(),
                Set.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"),
                null);
        oneOf("spec.preemptionPolicy", spec.getPreemptionPolicy(), Set.of("PreemptLowerPriority", "Never"), null);
        List<Toleration> tolerations = list(spec.getTolerations());
        for (int i = 0; i < tolerations.size(); i++) {
            toleration("spec.tolerations[" + i + "]", tolerations.get(i));
        }
        List<TopologySpreadConstraint> spread = list(spec.getTopologySpreadConstraints());
        for (int i = 0; i < spread.size(); i++) {
            String path = "spec.topologySpreadConstraints[" + i + "]";
            oneOf(
                    path + ".whenUnsatisfiable",
                    spread.get(i).getWhenUnsatisfiable(),
                    Set.of("DoNotSchedule", "ScheduleAnyway"),
                    null);
            selector(path + ".labelSelector", spread.get(i).getLabelSelector());
        }
        if (spec.getAffinity() != null) {
            affinity(spec.getAffinity());
        }
        list(spec.getInitContainers()).forEach(c -> container("spec.initContainers[" + c.getName() + "]", c, true));
        list(spec.getContainers()).forEach(c -> container("spec.containers[" + c.getName() + "]", c, false));
    }

    private void affinity(io.fabric8.kubernetes.api.model.Affinity affinity) {
        var node = affinity.getNodeAffinity();
        if (node != null) {
            if (node.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
                List<NodeSelectorTerm> terms = list(
                        node.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms());
                for (int i = 0; i < terms.size(); i++) {
                    nodeTerm("spec.affinity.nodeAffinity.required…nodeSelectorTerms[" + i + "]", terms.get(i));
                }
            }
            var preferred = list(node.getPreferredDuringSchedulingIgnoredDuringExecution());
            for (int i = 0; i < preferred.size(); i++) {
                nodeTerm(
                        "spec.affinity.nodeAffinity.preferred…[" + i + "].preference",
                        preferred.get(i).getPreference());
            }
        }
        List<PodAffinityTerm> terms = new ArrayList<>();
        if (affinity.getPodAffinity() != null) {
            terms.addAll(list(affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()));
            list(affinity.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                    .forEach(w -> terms.add(w.getPodAffinityTerm()));
        }
        if (affinity.getPodAntiAffinity() != null) {
            terms.addAll(list(affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()));
            list(affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                    .forEach(w -> terms.add(w.getPodAffinityTerm()));
        }
        for (PodAffinityTerm term : terms) {
            if (term != null) {
                selector("spec.affinity (pod affinity).labelSelector", term.getLabelSelector());
            }
        }
    }

    private void nodeTerm(String path, NodeSelectorTerm term) {
        if (term == null) {
            return;
        }
        for (NodeSelectorRequirement requirement : list(term.getMatchExpressions())) {
            requirement(
                    path + ".matchExpressions[" + requirement.getKey() + "]",
                    requirement.getKey(),
                    requirement.getOperator(),
                    list(requirement.getValues()),
                    NODE_OPERATORS);
        }
    }

    private void selector(String path, LabelSelector selector) {
        if (selector == null) {
            return;
        }
        labels(path + ".matchLabels", selector.getMatchLabels());
        for (LabelSelectorRequirement requirement : list(selector.getMatchExpressions())) {
            requirement(
                    path + ".matchExpressions[" + requirement.getKey() + "]",
                    requirement.getKey(),
                    requirement.getOperator(),
                    list(requirement.getValues()),
                    LABEL_OPERATORS);
        }
    }

    private void requirement(String path, String key, String operator, List<String> values, Set<String> operators) {
        LabelSyntax.keyProblem(key).ifPresent(p -> problem(path + ".key", key, p));
        if (!operators.contains(operator)) {
            problem(path + ".operator", operator, "use one of " + sorted(operators));
            return;
        }
        switch (operator) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    problem(path + ".values", "[]", operator + " needs at least one value");
                }
                values.forEach(v -> LabelSyntax.valueProblem(v).ifPresent(p -> problem(path + ".values", v, p)));
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    problem(path + ".values", String.valueOf(values), operator + " takes no values; remove them");
                }
            }
            default -> {
                if (values.size() != 1 || !values.get(0).matches("-?\\d+")) {
                    problem(path + ".values", String.valueOf(values), operator + " takes exactly one integer");
                }
            }
        }
    }

    private void toleration(String path, Toleration toleration) {
        String operator = toleration.getOperator();
        oneOf(path + ".operator", operator, Set.of("Exists", "Equal"), null);
        if (toleration.getEffect() != null && !toleration.getEffect().isEmpty()) {
            oneOf(path + ".effect", toleration.getEffect(), EFFECTS, null);
        }
        if ("Exists".equals(operator)
                && toleration.getValue() != null
                && !toleration.getValue().isEmpty()) {
            problem(path + ".value", toleration.getValue(), "with operator Exists, leave the value empty");
        }
        if (toleration.getKey() != null && !toleration.getKey().isEmpty()) {
            LabelSyntax.keyProblem(toleration.getKey()).ifPresent(p -> problem(path + ".key", toleration.getKey(), p));
        }
        if (toleration.getTolerationSeconds() != null && !"NoExecute".equals(toleration.getEffect())) {
            problem(
                    path + ".tolerationSeconds",
                    String.valueOf(toleration.getTolerationSeconds()),
                    "only a NoExecute toleration takes tolerationSeconds");
        }
    }

    private void container(String path, Container container, boolean init) {
        oneOf(
                path + ".imagePullPolicy",
                container.getImagePullPolicy(),
                Set.of("Always", "IfNotPresent", "Never"),
                null);
        oneOf(
                path + ".terminationMessagePolicy",
                container.getTerminationMessagePolicy(),
                Set.of("File", "FallbackToLogsOnError"),
                null);
        if (container.getRestartPolicy() != null) {
            oneOf(
                    path + ".restartPolicy",
                    container.getRestartPolicy(),
                    init ? Set.of("Always") : Set.of(),
                    init ? null : "only an init container (a native sidecar) takes restartPolicy: Always");
        }
        list(container.getPorts())
                .forEach(port -> oneOf(
                        path + ".ports[" + port.getContainerPort() + "].protocol",
                        port.getProtocol(),
                        Set.of("TCP", "UDP", "SCTP"),
                        null));
        if (container.getResources() != null) {
            Map<String, Quantity> requests = map(container.getResources().getRequests());
            Map<String, Quantity> limits = map(container.getResources().getLimits());
            requests.forEach((resource, request) -> {
                Quantity limit = limits.get(resource);
                if (limit != null && amount(request).compareTo(amount(limit)) > 0) {
                    problem(
                            path + ".resources.requests." + resource,
                            request.toString(),
                            "the request is above the limit " + limit + "; lower the request or raise the limit"
                                    + " (the run's own requests come from masterResources and workerResources)");
                }
            });
        }
    }

    private void labels(String path, Map<String, String> labels) {
        map(labels).forEach((key, value) -> {
            LabelSyntax.keyProblem(key).ifPresent(p -> problem(path, key + "=" + value, p));
            LabelSyntax.valueProblem(value).ifPresent(p -> problem(path, key + "=" + value, p));
        });
    }

    private void oneOf(String path, String value, Set<String> allowed, String fix) {
        if (value != null && !allowed.contains(value)) {
            problem(path, value, fix != null ? fix : "use one of " + sorted(allowed));
        }
    }

    private void problem(String field, String value, String fix) {
        problems.add(new Problem(field, value, fix));
    }

    private static BigDecimal amount(Quantity quantity) {
        try {
            return Quantity.getAmountInBytes(quantity);
        } catch (IllegalArgumentException e) {
            return BigDecimal.ZERO; // the API server names an unparsable quantity itself
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
