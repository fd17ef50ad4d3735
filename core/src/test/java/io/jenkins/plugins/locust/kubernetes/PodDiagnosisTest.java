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

    private static Pod unschedulable(String message) {
        return pod().withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage(message)
                .endCondition()
                .endStatus()
                .build();
    }

    @Test
    void shouldLetAPodWaitForANodeInsteadOfFailingTheRun() {
        // given the scheduler's condition that makes an autoscaler add a node
        Pod pod = unschedulable("0/3 nodes are available: 3 Insufficient cpu.");

        // then it is not a reason to fail, but the scheduler's message is kept
        assertThat(PodDiagnosis.blocked(pod, "worker-2")).isEmpty();
        assertThat(PodDiagnosis.unschedulable(pod)).hasValue("0/3 nodes are available: 3 Insufficient cpu.");
    }

    @Test
    void shouldSuggestLowerRequestsOnlyWhenNodesLackResources() {
        assertThat(PodDiagnosis.schedulingHint("0/3 nodes are available: 3 Insufficient cpu."))
                .contains("workerResources", "raise startTimeout");
        assertThat(PodDiagnosis.schedulingHint("no nodes available to schedule pods"))
                .contains("no node at all")
                .doesNotContain("lower");
        assertThat(PodDiagnosis.schedulingHint(
                        "0/2 nodes are available: 2 node(s) didn't match Pod's node" + " affinity/selector."))
                .contains("nodeSelector")
                .doesNotContain("lower");
    }

    @Test
    void shouldNameTheNodeOfAPodItsKubeletNeverStarted() {
        // given a pod the scheduler bound, with no container status from the node
        Pod bound = pod().editSpec()
                .withNodeName("node-2")
                .endSpec()
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();

        // then
        assertThat(PodDiagnosis.boundButNotStarted(bound)).hasValue("node-2");
        assertThat(PodDiagnosis.boundButNotStarted(unschedulable("no nodes available to schedule pods")))
                .isEmpty();
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
        assertThat(PodDiagnosis.boundButNotStarted(pod)).isEmpty();
    }
}
