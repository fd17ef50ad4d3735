package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KubernetesPlanTest {
    @Test
    void shouldMakeTheConfigMapOwnEveryOtherObjectWithoutChangingTheOriginal() {
        // given
        KubernetesPlan plan =
                KubernetesRenderer.render(RenderCases.named("minimal").request().get());

        // when
        KubernetesPlan owned = plan.withOwner("uid-123");

        // then
        Stream.<HasMetadata>of(owned.service(), owned.masterJob(), owned.workerJob())
                .forEach(object -> assertThat(object.getMetadata().getOwnerReferences())
                        .singleElement()
                        .extracting(OwnerReference::getKind, OwnerReference::getName, OwnerReference::getUid)
                        .containsExactly("ConfigMap", "locust-minimal-1-abcde-files", "uid-123"));
        assertThat(owned.configMap().getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(plan.masterJob().getMetadata().getOwnerReferences()).isNullOrEmpty();
    }

    @Test
    void shouldLabelEveryObjectWithTheRunLabels() {
        // when
        KubernetesPlan plan =
                KubernetesRenderer.render(RenderCases.named("minimal").request().get());

        // then
        assertThat(plan.runLabels())
                .containsEntry("locust-load-test.jenkins.io/run-id", "minimal-1-abcde")
                .containsEntry("app.kubernetes.io/managed-by", "locust-load-test");
        Stream.<HasMetadata>of(plan.configMap(), plan.service(), plan.masterJob(), plan.workerJob())
                .forEach(object -> assertThat(object.getMetadata().getLabels()).containsAllEntriesOf(plan.runLabels()));
        assertThat(plan.workerJob().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(plan.runLabels())
                .containsEntry("app.kubernetes.io/component", "worker");
    }
}
