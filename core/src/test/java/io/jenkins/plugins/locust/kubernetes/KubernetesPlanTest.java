package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.jenkins.plugins.locust.run.RunRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    @ParameterizedTest
    @MethodSource("cases")
    void shouldNeverRetryTheMasterButLetACrashedWorkerBeReplacedWithoutFailingTheOthers(RenderCases.Case golden) {
        // given
        RunRequest request = golden.request().get();

        // when
        KubernetesPlan plan = KubernetesRenderer.render(request);

        // then: past its backoff limit a Job fails and Kubernetes terminates all its running pods
        assertThat(plan.masterJob().getSpec().getBackoffLimit()).isZero();
        assertThat(plan.workerJob().getSpec().getBackoffLimit())
                .isEqualTo(request.spec().slaves())
                .isEqualTo(plan.workerJob().getSpec().getParallelism());
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

    static Stream<RenderCases.Case> cases() {
        return RenderCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldKeepNamesAndLabelsWithinKubernetesLimits(RenderCases.Case golden) {
        // when
        KubernetesPlan plan = KubernetesRenderer.render(golden.request().get());

        // then
        Stream.<HasMetadata>of(plan.configMap(), plan.service(), plan.masterJob(), plan.workerJob())
                .forEach(object -> {
                    String name = object.getMetadata().getName();
                    // Services need DNS-1035 (a leading letter); Job pods append 11 characters to 63.
                    assertThat(name).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
                    assertThat(name.length()).isLessThanOrEqualTo(52);
                    object.getMetadata().getLabels().values().forEach(value -> assertThat(value)
                            .matches("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")
                            .hasSizeLessThanOrEqualTo(63));
                });
        assertThat(plan.workerJob().getSpec().getParallelism())
                .isEqualTo(plan.workerJob().getSpec().getCompletions())
                .isEqualTo(golden.request().get().spec().slaves());
    }
}
