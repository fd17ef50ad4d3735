package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * The run's pod informer cache without {@code metadata.managedFields}: the server-side apply bookkeeping is more than
 * half of a watched Pod's heap (18 of 32 KiB, measured by figure 7 of docs/performance.md) and nothing in the engine
 * reads it, while the informer keeps every pod of the run for the run's whole life.
 */
final class LeanPodStore extends BasicItemStore<Pod> {
    LeanPodStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public Pod put(String key, Pod pod) {
        if (pod.getMetadata() != null) {
            pod.getMetadata().setManagedFields(null);
        }
        return super.put(key, pod);
    }
}
