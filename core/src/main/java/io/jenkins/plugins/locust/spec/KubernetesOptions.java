package io.jenkins.plugins.locust.spec;

import java.util.List;
import java.util.Map;

/**
 * Settings only the Kubernetes backend uses. Null strings mean "use the configured default".
 *
 * @param podOverlayYaml optional pod YAML merged over the rendered template (containers by name, lists appended)
 * @param maxFollowedWorkerLogs how many worker log streams are followed live; the others are read only on failure
 */
public record KubernetesOptions(
        String namespace,
        String serviceAccount,
        List<String> imagePullSecrets,
        Map<String, String> nodeSelector,
        String podOverlayYaml,
        boolean webUi,
        int maxFollowedWorkerLogs,
        String buildUrl) {
    public static final KubernetesOptions DEFAULT =
            new KubernetesOptions(null, null, List.of(), Map.of(), null, false, 4, null);

    public KubernetesOptions {
        imagePullSecrets = List.copyOf(imagePullSecrets);
        nodeSelector = Map.copyOf(nodeSelector);
    }
}
