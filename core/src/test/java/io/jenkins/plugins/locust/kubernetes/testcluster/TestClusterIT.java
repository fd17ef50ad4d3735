package io.jenkins.plugins.locust.kubernetes.testcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test cluster is a real one: Jobs, scheduling, RBAC, Pod Security, logs and deletion as on any cluster. */
class TestClusterIT {
    private static final String LINES =
            "import time\nfor i in range(3):\n    print('line', i, flush=True)\n    time.sleep(0.3)\n";
    private static final String UNTIL_SIGTERM = "import signal, sys, time\n"
            + "signal.signal(signal.SIGTERM, lambda *a: (print('got SIGTERM', flush=True), sys.exit(0)))\n"
            + "i = 0\nwhile True:\n    print('tick', i, flush=True)\n    i += 1\n    time.sleep(0.2)\n";

    private TestCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = TestCluster.start();
        client = cluster.runClient();
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void shouldRunAJobsPodsAsProcessesServeTheirLogsAndCollectThemWithTheirOwner() throws Exception {
        // given a ConfigMap with a script and a Job of 2 pods running it, owned by the ConfigMap
        ConfigMap files = client.configMaps().resource(script("files", LINES)).create();
        Job job = client.batch()
                .v1()
                .jobs()
                .resource(new JobBuilder()
                        .withNewMetadata()
                        .withName("hello")
                        .addToLabels("run", "r1")
                        .withOwnerReferences(new OwnerReferenceBuilder()
                                .withApiVersion("v1")
                                .withKind("ConfigMap")
                                .withName("files")
                                .withUid(files.getMetadata().getUid())
                                .build())
                        .endMetadata()
                        .withNewSpec()
                        .withParallelism(2)
                        .withCompletions(2)
                        .withBackoffLimit(0)
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("run", "r1")
                        .endMetadata()
                        .withSpec(restricted("python:3", "/mnt/files/script.py", "files"))
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();

        // when a pod has started, its log is followed to the end through the API server's proxy to the kubelet
        Pod pod = client.pods()
                .withLabel("job-name", "hello")
                .waitUntilCondition(p -> p != null && p.getStatus().getPodIP() != null, 30, TimeUnit.SECONDS);
        List<String> lines = new ArrayList<>();
        try (LogWatch watch =
                        client.pods().withName(pod.getMetadata().getName()).watchLog();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }

        // then it has every line, the pods ran on the test nodes with their own addresses, and the Job completes
        assertThat(lines).containsExactly("line 0", "line 1", "line 2");
        assertThat(pod.getSpec().getNodeName()).isIn(TestNodes.NAMES);
        assertThat(pod.getStatus().getPodIP()).startsWith("127.0.");
        Job done = client.batch()
                .v1()
                .jobs()
                .withName(job.getMetadata().getName())
                .waitUntilCondition(
                        j -> j.getStatus() != null
                                && j.getStatus().getSucceeded() != null
                                && j.getStatus().getSucceeded() == 2,
                        30,
                        TimeUnit.SECONDS);
        assertThat(done.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Complete"));

        // and deleting the ConfigMap makes the garbage collector remove the Job and its pods
        client.configMaps().withName("files").delete();
        assertThat(cluster.awaitNoObjectsLabelled("run", "r1", Duration.ofSeconds(30)))
                .isTrue();
        assertThat(cluster.awaitNoProcesses(Duration.ofSeconds(5))).isTrue();
        assertThat(cluster.apiCalls()).anyMatch(c -> c.rbacResource().equals("pods/log"));
    }

    @Test
    void shouldEnforceTheDocumentedRoleAndTheRestrictedPodSecurityLevel() {
        // the run's identity has only what docs/rbac.yaml grants: no secrets
        assertThatThrownBy(() -> client.secrets().list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(403));
        // and the namespace admits only pods that pass "restricted", whoever creates them
        Pod unrestricted = new PodBuilder()
                .withNewMetadata()
                .withName("unrestricted")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .withImage("busybox")
                .endContainer()
                .endSpec()
                .build();
        assertThatThrownBy(() -> cluster.client()
                        .pods()
                        .inNamespace(cluster.namespace())
                        .resource(unrestricted)
                        .create())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("violates PodSecurity \"restricted:latest\"")
                .hasMessageContaining("runAsNonRoot != true");
    }

    @Test
    void shouldLeaveAPodAskingForMoreCpuThanANodeHasPendingWithTheSchedulersMessage() {
        // given
        PodSpec spec = restricted("python:3", "/mnt/files/script.py", "files");
        spec.getContainers()
                .get(0)
                .getResources()
                .setRequests(Map.of("cpu", new Quantity(String.valueOf(Integer.parseInt(TestNodes.CPU) + 1))));

        // when
        cluster.client()
                .configMaps()
                .inNamespace(cluster.namespace())
                .resource(script("files", LINES))
                .create();
        cluster.client()
                .pods()
                .inNamespace(cluster.namespace())
                .resource(pod("big", spec))
                .create();

        // then
        Pod pending = cluster.client()
                .pods()
                .inNamespace(cluster.namespace())
                .withName("big")
                .waitUntilCondition(
                        p -> p.getStatus().getConditions().stream()
                                .anyMatch(c ->
                                        "PodScheduled".equals(c.getType()) && "Unschedulable".equals(c.getReason())),
                        30,
                        TimeUnit.SECONDS);
        assertThat(pending.getStatus().getConditions())
                .filteredOn(c -> "PodScheduled".equals(c.getType()))
                .singleElement()
                .satisfies(c -> assertThat(c.getMessage()).contains("0/2 nodes are available: 2 Insufficient cpu"));
    }

    @Test
    void shouldReportAnImageThatCannotBePulled() {
        // when
        cluster.client()
                .configMaps()
                .inNamespace(cluster.namespace())
                .resource(script("files", LINES))
                .create();
        cluster.client()
                .pods()
                .inNamespace(cluster.namespace())
                .resource(pod("unpullable", restricted("registry.invalid/python:3", "/mnt/files/script.py", "files")))
                .create();

        // then
        Pod waiting = cluster.client()
                .pods()
                .inNamespace(cluster.namespace())
                .withName("unpullable")
                .waitUntilCondition(p -> "ImagePullBackOff".equals(waitingReason(p)), 30, TimeUnit.SECONDS);
        assertThat(waiting.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(cluster.liveProcesses()).isEmpty();
    }

    @Test
    void shouldPassLogOptionsToTheKubeletAndStopADeletedPodGracefully() throws Exception {
        // given a running pod that prints a line every 0.2 s until SIGTERM
        cluster.client()
                .configMaps()
                .inNamespace(cluster.namespace())
                .resource(script("files", UNTIL_SIGTERM))
                .create();
        cluster.client()
                .pods()
                .inNamespace(cluster.namespace())
                .resource(pod("ticker", restricted("python:3", "/mnt/files/script.py", "files")))
                .create();
        client.pods()
                .withName("ticker")
                .waitUntilCondition(p -> "Running".equals(p.getStatus().getPhase()), 30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cluster.containerLog("ticker").size() < 5) {
            assertThat(System.nanoTime()).as("5 lines printed").isLessThan(deadline);
            Thread.sleep(50);
        }

        // when its log is read with options, and then it is deleted
        String tail = client.pods().withName("ticker").tailingLines(2).getLog();
        String limited = client.pods().withName("ticker").limitBytes(6).getLog();
        String stamped = client.pods()
                .withName("ticker")
                .usingTimestamps()
                .tailingLines(1)
                .getLog();
        client.pods().withName("ticker").delete();

        // then
        assertThat(tail.lines()).hasSize(2).allMatch(l -> l.startsWith("tick "));
        assertThat(limited).isEqualTo("tick 0");
        assertThat(stamped).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z tick \\d+\\n");
        assertThat(client.pods().withName("ticker").waitUntilCondition(p -> p == null, 30, TimeUnit.SECONDS))
                .isNull();
        assertThat(cluster.containerLog("ticker")).last().isEqualTo("got SIGTERM");
        assertThat(cluster.awaitNoProcesses(Duration.ofSeconds(5))).isTrue();
    }

    private static String waitingReason(Pod pod) {
        return pod.getStatus().getContainerStatuses().stream()
                .map(ContainerStatus::getState)
                .filter(s -> s.getWaiting() != null)
                .map(s -> s.getWaiting().getReason())
                .findFirst()
                .orElse(null);
    }

    private static ConfigMap script(String name, String script) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("run", "r1")
                .endMetadata()
                .withData(Map.of("script.py", script))
                .build();
    }

    private static Pod pod(String name, PodSpec spec) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withSpec(spec)
                .build();
    }

    /** A pod spec that passes the "restricted" Pod Security Standard, running a script from a ConfigMap. */
    private static PodSpec restricted(String image, String script, String configMap) {
        return new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withTerminationGracePeriodSeconds(5L)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(1000L)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName("locust")
                .withImage(image)
                .withCommand("python", script)
                .withNewResources()
                .endResources()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount()
                .withName("files")
                .withMountPath("/mnt/files")
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("files")
                .withNewConfigMap()
                .withName(configMap)
                .endConfigMap()
                .endVolume()
                .build();
    }
}
