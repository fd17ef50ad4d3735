package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.run.RunIds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names and labels of a run's objects, all derived from the run id. The master Service and the master Job share a
 * name (different kinds), so workers reach the master at {@code locust-<runId>-master}.
 */
public record RunNames(String runId, String configMap, String service, String masterJob, String workerJob) {
    public static final String NAME_PREFIX = "locust-";
    public static final String RUN_ID_LABEL = "locust-load-test.jenkins.io/run-id";
    public static final String BUILD_URL_ANNOTATION = "locust-load-test.jenkins.io/build-url";
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "locust-load-test";

    /**
     * @throws IllegalArgumentException when the run id is not a DNS-1123 label of at most 38 characters
     */
    public static RunNames of(String runId) {
        if (!RunIds.isValid(runId)) {
            throw new IllegalArgumentException("Run id '" + runId + "' is not a DNS-1123 label of at most "
                    + RunIds.MAX_LENGTH + " characters (lower-case letters, digits, dashes); create it with"
                    + " RunIds.create(jobName, buildNumber)");
        }
        String base = NAME_PREFIX + runId;
        return new RunNames(runId, base + "-files", base + "-master", base + "-master", base + "-worker");
    }

    /** The labels every object of the run carries; a label sweep selects on them. */
    public Map<String, String> runLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "locust");
        labels.put("app.kubernetes.io/instance", runId);
        labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
        labels.put(RUN_ID_LABEL, runId);
        return labels;
    }

    /** The run labels plus the component: {@code master}, {@code worker} or {@code config}. */
    public Map<String, String> labels(String component) {
        Map<String, String> labels = runLabels();
        labels.put(COMPONENT_LABEL, component);
        return labels;
    }

    /** What selects one role's pods: the run id and the component. */
    public Map<String, String> selector(String component) {
        return Map.of(RUN_ID_LABEL, runId, COMPONENT_LABEL, component);
    }
}
