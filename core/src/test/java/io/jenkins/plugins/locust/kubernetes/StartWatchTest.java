package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watch's reading of events and pod states, over fabric8's CRUD API server (in-process, real HTTP and watches);
 * KubernetesStartIT has the real Job controller, scheduler and admission produce the same events.
 */
class StartWatchTest {
    private static final String NS = "load";
    private static final RunNames NAMES = RunNames.of("r1");

    private KubernetesMockServer server;
    private KubernetesClient client;
    private final RecordingEvents events = new RecordingEvents();
    private final AtomicBoolean started = new AtomicBoolean();

    @BeforeEach
    void startServer() {
        server = new KubernetesMockServer(
                new Context(),
                new MockWebServer(),
                new HashMap<>(),
                new KubernetesMixedDispatcher(new HashMap<>()),
                false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.destroy();
    }

    private StartWatch watch(Duration startTimeout) throws Exception {
        StartWatch watch = new StartWatch(client, NS, "r1", startTimeout, events, started::get);
        watch.start();
        return watch;
    }

    @Test
    void shouldFailFastWithTheJobControllersFailedCreateMessage() throws Exception {
        try (StartWatch watch = watch(Duration.ofMinutes(5))) {
            // when the Job controller cannot create a worker pod
            event(
                    "Job",
                    NAMES.workerJob(),
                    "FailedCreate",
                    "Error creating: pods \"" + NAMES.workerJob()
                            + "-x\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1");

            // then
            RecordingEvents.Fault fault = events.awaitFault(RecordingEvents.Fault::fatal, Duration.ofSeconds(10));
            assertThat(fault.message())
                    .startsWith("Kubernetes cannot create the worker pods of Job locust-r1-worker: Error creating")
                    .contains("exceeded quota", "ResourceQuota");
        }
    }

    @Test
    void shouldIgnoreEventsOfOtherObjects() throws Exception {
        try (StartWatch watch = watch(Duration.ofMinutes(5))) {
            // when another run's Job has the same trouble
            event("Job", "locust-other-worker", "FailedCreate", "Error creating: exceeded quota");
            event("Job", NAMES.workerJob(), "SuccessfulCreate", "Created pod: " + NAMES.workerJob() + "-x");
            Thread.sleep(1_000); // nothing may happen: give the watch the time it needs to deliver them

            // then
            assertThat(events.faults).isEmpty();
        }
    }

    @Test
    void shouldWaitForANodeAndNameTheSchedulerAtTheDeadline() throws Exception {
        try (StartWatch watch = watch(Duration.ofSeconds(3))) {
            // when a worker waits for a node
            watch.pod(unschedulable("locust-r1-worker-a"), "worker-1");

            // then it is progress first
            assertThat(events.linesOf(StartWatch.SOURCE))
                    .containsExactly("waiting for a node: 0/2 nodes are available: 2 Insufficient cpu. (worker-1; the"
                            + " run waits up to startTimeout 3s for the cluster to add one)");
            assertThat(events.faults).isEmpty();

            // and at startTimeout, the failure that names it
            RecordingEvents.Fault fault = events.awaitFault(RecordingEvents.Fault::fatal, Duration.ofSeconds(10));
            assertThat(fault.message())
                    .startsWith("1 pod (worker-1) still waiting for a node after startTimeout (3s): 0/2 nodes are"
                            + " available: 2 Insufficient cpu.")
                    .contains("lower the requests");
        }
    }

    @Test
    void shouldFailEarlyWhenTheAutoscalerWillNotAddANode() throws Exception {
        try (StartWatch watch = watch(Duration.ofMinutes(5))) {
            // given
            watch.pod(unschedulable("locust-r1-worker-a"), "worker-1");

            // when
            event(
                    "Pod",
                    "locust-r1-worker-a",
                    "NotTriggerScaleUp",
                    "pod didn't trigger scale-up: 1 max node group" + " size reached");

            // then
            RecordingEvents.Fault fault = events.awaitFault(RecordingEvents.Fault::fatal, Duration.ofSeconds(10));
            assertThat(fault.message())
                    .startsWith("Pod locust-r1-worker-a (worker-1) cannot be scheduled (0/2 nodes are available: 2"
                            + " Insufficient cpu.) and the cluster autoscaler will not add a node for it: pod didn't"
                            + " trigger scale-up: 1 max node group size reached.");
        }
    }

    @Test
    void shouldNameAPodWhoseNodeNeverStartedIt() throws Exception {
        try (StartWatch watch = watch(Duration.ofSeconds(2))) {
            // when
            watch.pod(bound("locust-r1-master-a", "node-7"), "master");

            // then
            RecordingEvents.Fault fault = events.awaitFault(RecordingEvents.Fault::fatal, Duration.ofSeconds(10));
            assertThat(fault.message())
                    .isEqualTo("Pod locust-r1-master-a (master) was bound to node node-7 but never started there"
                            + " (its kubelet reported no container): the node is NotReady or its kubelet is down;"
                            + " check 'kubectl describe node node-7'.");
        }
    }

    @Test
    void shouldSayNothingOnceTheTestHasStarted() throws Exception {
        try (StartWatch watch = watch(Duration.ofSeconds(2))) {
            // given
            watch.pod(bound("locust-r1-worker-a", "node-7"), "worker-1");

            // when all workers connected
            started.set(true);
            Thread.sleep(3_000); // past the deadline: it must not fire

            // then
            assertThat(events.faults).isEmpty();
        }
    }

    private void event(String kind, String name, String reason, String message) {
        client.v1()
                .events()
                .inNamespace(NS)
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withGenerateName(name + ".")
                        .withName(name + "." + reason + System.nanoTime())
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withKind(kind)
                        .withName(name)
                        .withNamespace(NS)
                        .endInvolvedObject()
                        .withReason(reason)
                        .withMessage(message)
                        .build())
                .create();
    }

    private static Pod unschedulable(String name) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("locust")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/2 nodes are available: 2 Insufficient cpu.")
                .endCondition()
                .endStatus()
                .build();
    }

    private static Pod bound(String name, String node) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .addNewContainer()
                .withName("locust")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();
    }
}
