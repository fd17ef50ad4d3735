package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Map;

/**
 * The Kubernetes objects of one run, created in this order. The ConfigMap owns the others: create it first, then
 * call {@link #withOwner(String)} with the uid the API server gave it and create the rest from the returned plan, so
 * deleting the ConfigMap cascades to the Service and both Jobs (and through the Jobs to their pods).
 *
 * @param runLabels the labels every object of the run carries; a label sweep selects on them
 */
public record KubernetesPlan(
        ConfigMap configMap, Service service, Job masterJob, Job workerJob, Map<String, String> runLabels) {
    public KubernetesPlan {
        runLabels = Map.copyOf(runLabels);
    }

    /**
     * A copy whose Service and Jobs name the created ConfigMap as their owner. Without {@code blockOwnerDeletion}
     * (which needs an extra RBAC grant on configmaps/finalizers): a background cascade is all cleanup needs.
     */
    public KubernetesPlan withOwner(String configMapUid) {
        OwnerReference owner = new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("ConfigMap")
                .withName(configMap.getMetadata().getName())
                .withUid(configMapUid)
                .withController(false)
                .build();
        Service ownedService = new ServiceBuilder(service)
                .editMetadata()
                .withOwnerReferences(owner)
                .endMetadata()
                .build();
        return new KubernetesPlan(configMap, ownedService, owned(masterJob, owner), owned(workerJob, owner), runLabels);
    }

    private static Job owned(Job job, OwnerReference owner) {
        return new JobBuilder(job)
                .editMetadata()
                .withOwnerReferences(owner)
                .endMetadata()
                .build();
    }
}
