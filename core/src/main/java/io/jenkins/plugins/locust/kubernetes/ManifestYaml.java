package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A plan as multi-document YAML in creation order, keys sorted at every level so that the text is stable (golden
 * files, reviews of {@code loadtest render}). For people and tests only: the backend sends the model objects.
 */
public final class ManifestYaml {
    /** One instance for the package: creating one scans fabric8's model classes, which takes seconds. */
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ManifestYaml() {}

    public static String of(KubernetesPlan plan) {
        return List.<HasMetadata>of(plan.configMap(), plan.service(), plan.masterJob(), plan.workerJob()).stream()
                .map(ManifestYaml::sortedYaml)
                .collect(Collectors.joining());
    }

    /** One object as a YAML document ({@code ---} first) with sorted keys. */
    static String sortedYaml(Object object) {
        Object tree = sorted(SERIALIZATION.convertValue(object, Map.class));
        String yaml = SERIALIZATION.asYaml(tree);
        return yaml.startsWith("---") ? yaml : "---\n" + yaml;
    }

    private static Object sorted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new TreeMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), sorted(v)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ManifestYaml::sorted).toList();
        }
        return node;
    }
}
