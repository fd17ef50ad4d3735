package io.jenkins.plugins.locust.kubernetes.testcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
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

class TestClusterIT {
    private TestCluster cluster;
    private KubernetesClient client;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = TestCluster.start();
        client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl(cluster.url())
                        .withOauthToken(TestCluster.TOKEN)
                        .withNamespace(TestCluster.NAMESPACE)
                        .build())
                .build();
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void shouldRunAJobsPodsAsProcessesServeTheirLogsAndCollectThemWithTheirOwner() throws Exception {
        // given a ConfigMap with a script and a Job of 2 pods running it, owned by the ConfigMap
        ConfigMap files = client.configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("files")
                        .addToLabels("run", "r1")
                        .endMetadata()
                        .withData(Map.of(
                                "hello.py",
                                "import time\nfor i in range(3):\n    print('line', i)\n" + "    time.sleep(0.3)\n"))
                        .build())
                .create();
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
                        .addToLabels("app.kubernetes.io/component", "worker")
                        .endMetadata()
                        .withNewSpec()
                        .withRestartPolicy("Never")
                        .addNewContainer()
                        .withName("main")
                        .withImage("python:3")
                        .withCommand("python", "/mnt/files/hello.py")
                        .addNewVolumeMount()
                        .withName("files")
                        .withMountPath("/mnt/files")
                        .endVolumeMount()
                        .endContainer()
                        .addNewVolume()
                        .withName("files")
                        .withNewConfigMap()
                        .withName("files")
                        .endConfigMap()
                        .endVolume()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();

        // when a pod has started, its log is followed to the end
        Pod pod = client.pods()
                .withLabel("job-name", "hello")
                .waitUntilCondition(
                        p -> p != null && "Running".equals(p.getStatus().getPhase())
                                || p != null && "Succeeded".equals(p.getStatus().getPhase()),
                        20,
                        TimeUnit.SECONDS);
        List<String> lines = new ArrayList<>();
        try (LogWatch watch =
                        client.pods().withName(pod.getMetadata().getName()).watchLog();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }

        // then it has every line, and the Job completes with both pods
        assertThat(lines).containsExactly("line 0", "line 1", "line 2");
        Job done = client.batch()
                .v1()
                .jobs()
                .withName(job.getMetadata().getName())
                .waitUntilCondition(
                        j -> j.getStatus() != null
                                && j.getStatus().getSucceeded() != null
                                && j.getStatus().getSucceeded() == 2,
                        20,
                        TimeUnit.SECONDS);
        assertThat(done.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Complete"));

        // and deleting the ConfigMap removes the Job and its pods
        client.configMaps().withName("files").delete();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!cluster.objectsLabelled("run", "r1").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(cluster.objectsLabelled("run", "r1")).isEmpty();
        assertThat(cluster.awaitNoProcesses(Duration.ofSeconds(5))).isTrue();
        assertThat(cluster.apiCalls()).anyMatch(c -> c.rbacResource().equals("pods/log"));
    }
}
