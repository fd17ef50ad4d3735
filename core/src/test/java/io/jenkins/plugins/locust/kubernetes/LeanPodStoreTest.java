package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class LeanPodStoreTest {
    @Test
    void shouldKeepThePodWithoutItsManagedFields() {
        // given a pod as the API server sends it: its labels, status and the server-side apply bookkeeping
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("locust-r1-worker-abcde")
                .withNamespace("load")
                .addToLabels(RunNames.RUN_ID_LABEL, "r1")
                .addToManagedFields(new ManagedFieldsEntryBuilder()
                        .withManager("kube-controller-manager")
                        .withOperation("Update")
                        .build())
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .endStatus()
                .build();
        LeanPodStore store = new LeanPodStore();

        // when the informer caches it
        store.put(store.getKey(pod), pod);

        // then it is kept by namespace/name with everything the engine reads, and nothing of the bookkeeping
        Pod kept = store.get("load/locust-r1-worker-abcde");
        assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(kept.getMetadata().getLabels()).containsEntry(RunNames.RUN_ID_LABEL, "r1");
        assertThat(kept.getStatus().getPhase()).isEqualTo("Running");
        assertThat(store.size()).isEqualTo(1);
    }
}
