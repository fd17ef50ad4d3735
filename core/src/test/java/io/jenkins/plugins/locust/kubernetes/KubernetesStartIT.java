package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunHandle;
import io.jenkins.plugins.locust.run.RunRequest;
import io.jenkins.plugins.locust.spec.KubernetesOptions;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What keeps pods from starting on a real cluster, and what the run says about it: a node that does not exist yet
 * (an autoscaler adds it: wait), an autoscaler that will not add one, pods the Job controller cannot create, and
 * pods on a node that never starts them. Real API server, admission, Job controller and scheduler.
 */
class KubernetesStartIT {
    private static final Duration FAST = Duration.ofSeconds(30);

    private KubernetesFixture fixture;
    private RecordingEvents events;

    @BeforeEach
    void start() throws Exception {
        fixture = new KubernetesFixture();
        events = new RecordingEvents();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static RunRequest request(String runId, LoadTestSpec spec) throws LoadTestException {
        return new RunRequest(runId, spec, KubernetesFixture.files(spec));
    }

    /** Workers asking for more CPU than a test node has: the real scheduler leaves them pending. */
    private LoadTestSpec unschedulableWorkers(String startTimeout) {
        return fixture.spec()
                .workerResources(new Resources("64", null, "256Mi", "256Mi"))
                .startTimeout(startTimeout)
                .build();
    }

    @Test
    void shouldFailEarlyWhenTheClusterAutoscalerWillNotAddANode() throws Exception {
        // given workers waiting for a node, with a long start timeout
        try (RunHandle run = fixture.backend().start(request("it-noscale", unschedulableWorkers("5m")), events)) {
            events.awaitLine(l -> l.text().startsWith("waiting for a node: "), FAST);

            // when the cluster autoscaler says it cannot help (its event, as it records it)
            Pod pending = fixture.cluster.pods("worker").get(0);
            autoscalerEvent(
                    fixture.cluster.client(),
                    pending,
                    "pod didn't trigger scale-up: 2 Insufficient cpu, 1" + " max node group size reached");
            RecordingEvents.Fault fault = events.awaitFault(RecordingEvents.Fault::fatal, FAST);

            // then
            assertThat(fault.message())
                    .contains(pending.getMetadata().getName())
                    .contains("the cluster autoscaler will not add a node for it")
                    .contains("max node group size reached");
        }
        assertThat(fixture.clean("it-noscale")).isTrue();
    }

    @Test
    void shouldFailFastWhenTheJobCannotCreateItsPodsForAMissingServiceAccount() throws Exception {
        // given a service account that does not exist in the namespace
        LoadTestSpec spec = fixture.spec()
                .kubernetes(new KubernetesOptions(null, "no-such-runner", List.of(), Map.of(), null, false, 4, null))
                .build();

        // when
        RecordingEvents.Fault fault;
        try (RunHandle run = fixture.backend().start(request("it-nosa", spec), events)) {
            fault = events.awaitFault(RecordingEvents.Fault::fatal, FAST);
        }

        // then the Job controller's FailedCreate message is quoted, with what to do
        assertThat(fault.message())
                .contains("Kubernetes cannot create the")
                .contains("pods of Job locust-it-nosa-")
                .contains("serviceaccount \"no-such-runner\" not found")
                .contains("create it, or fix serviceAccount");
        assertThat(fixture.clean("it-nosa")).isTrue();
    }

    @Test
    void shouldFailFastWhenTheNamespacesQuotaHasNoRoomForTheWorkers() throws Exception {
        // given a quota with room for the master pod only
        fixture.cluster
                .client()
                .resourceQuotas()
                .inNamespace(fixture.cluster.namespace())
                .resource(new ResourceQuotaBuilder()
                        .withNewMetadata()
                        .withName("one-pod")
                        .endMetadata()
                        .withNewSpec()
                        .withHard(Map.of("pods", new Quantity("1")))
                        .endSpec()
                        .build())
                .create();

        // when
        RecordingEvents.Fault fault;
        try (RunHandle run =
                fixture.backend().start(request("it-quota", fixture.spec().build()), events)) {
            fault = events.awaitFault(RecordingEvents.Fault::fatal, FAST);
        }

        // then
        assertThat(fault.message())
                .contains("Kubernetes cannot create the worker pods of Job locust-it-quota-worker")
                .contains("exceeded quota: one-pod")
                .contains("ResourceQuota");
        assertThat(fixture.clean("it-quota")).isTrue();
    }

    @Test
    void shouldNameThePodsOfANodeThatNeverStartsThem() throws Exception {
        // given a Node object without a kubelet, and pods bound to it
        KubernetesClient admin = fixture.cluster.client();
        String node = "ghost-" + fixture.cluster.namespace();
        admin.nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName(node)
                        .endMetadata()
                        .build())
                .create();
        LoadTestSpec spec = fixture.spec()
                .startTimeout("15s")
                .kubernetes(new KubernetesOptions(
                        null, null, List.of(), Map.of(), "spec:\n  nodeName: " + node + "\n", false, 4, null))
                .build();

        // when
        RecordingEvents.Fault fault;
        try (RunHandle run = fixture.backend().start(request("it-ghost", spec), events)) {
            fault = events.awaitFault(RecordingEvents.Fault::fatal, Duration.ofSeconds(40));
            // no kubelet confirms their deletion either: remove them as an admin would
            admin.batch().v1().jobs().inNamespace(fixture.cluster.namespace()).delete();
            admin.pods()
                    .inNamespace(fixture.cluster.namespace())
                    .withGracePeriod(0)
                    .delete();
        } finally {
            admin.nodes().withName(node).delete();
        }

        // then
        assertThat(fault.message())
                .contains("(master) was bound to node " + node + " but never started there")
                .contains("kubectl describe node " + node);
    }

    private void autoscalerEvent(KubernetesClient admin, Pod pod, String message) {
        admin.v1()
                .events()
                .inNamespace(fixture.cluster.namespace())
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withGenerateName(pod.getMetadata().getName() + ".")
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withKind("Pod")
                        .withApiVersion("v1")
                        .withName(pod.getMetadata().getName())
                        .withNamespace(fixture.cluster.namespace())
                        .withUid(pod.getMetadata().getUid())
                        .endInvolvedObject()
                        .withReason("NotTriggerScaleUp")
                        .withMessage(message)
                        .withType("Normal")
                        .withNewSource("cluster-autoscaler", null)
                        .withCount(1)
                        .build())
                .create();
    }
}
