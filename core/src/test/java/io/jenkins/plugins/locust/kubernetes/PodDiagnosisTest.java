package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class PodDiagnosisTest {
    private static PodBuilder pod() {
        return new PodBuilder()
                .withNewMetadata()
                .withName("locust-r1-worker-abcde")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("locust")
                .withImage("locustio/locust:2.47.0")
                .endContainer()
                .endSpec();
    }

    @Test
    void shouldQuoteTheSchedulerForAnUnschedulablePod() {
        Pod pod = pod().withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
                .endCondition()
                .endStatus()
                .build();

        assertThat(PodDiagnosis.blocked(pod, "worker-2")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("Pod locust-r1-worker-abcde (worker-2) cannot be scheduled: 0/3 nodes are"
                        + " available: 3 Insufficient cpu.")
                .contains("workerResources"));
    }

    @Test
    void shouldNameTheImageWhenItCannotBePulled() {
        Pod pod = pod().withNewStatus()
                .addNewContainerStatus()
                .withName("locust")
                .withImage("locustio/locust:2.47.0")
                .withNewState()
                .withNewWaiting("Back-off pulling image", "ImagePullBackOff")
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();

        assertThat(PodDiagnosis.blocked(pod, "master")).hasValueSatisfying(m -> assertThat(m)
                .contains("(master) cannot pull its image 'locustio/locust:2.47.0' (ImagePullBackOff")
                .contains("imagePullSecrets"));
    }

    @Test
    void shouldSeeNothingWrongWithAPodThatIsCreatingItsContainer() {
        Pod pod = pod().withNewStatus()
                .addNewContainerStatus()
                .withName("locust")
                .withNewState()
                .withNewWaiting(null, "ContainerCreating")
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();

        assertThat(PodDiagnosis.blocked(pod, "worker-1")).isEmpty();
        assertThat(PodDiagnosis.running(pod)).isFalse();
    }
}
