package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;

/**
 * The Kubernetes objects of one run, created in this order. The ConfigMap owns the others (ownerReferences are
 * completed with its uid once it exists), so deleting it cascades.
 *
 * @param runLabels the labels every object of the run carries; a label sweep selects on them
 */
public record KubernetesPlan(
        ConfigMap configMap, Service service, Job masterJob, Job workerJob, Map<String, String> runLabels) {
    public KubernetesPlan {
        runLabels = Map.copyOf(runLabels);
    }
}
