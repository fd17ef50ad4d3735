package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.kubernetes.testcluster.TestCluster;
import io.jenkins.plugins.locust.run.LoadTestException;
import io.jenkins.plugins.locust.run.RunFiles;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A test cluster, a local target and a locustfile: what every Kubernetes IT starts from. */
final class KubernetesFixture implements AutoCloseable {
    final TestCluster cluster;
    final TestTarget target;
    final Path workspace;

    KubernetesFixture() throws IOException {
        cluster = TestCluster.start();
        target = TestTarget.start();
        workspace = Files.createTempDirectory("k8s-it");
        TestLocustfiles.write(workspace, TestLocustfiles.TARGET_USERS);
    }

    KubernetesConnection connection() {
        return cluster.connection();
    }

    KubernetesBackend backend() {
        return new KubernetesBackend(connection());
    }

    /** 3 workers, 6 users, 5 s against the target; start timeout 60 s. */
    LoadTestSpecBuilder spec() {
        return LoadTestSpec.builder()
                .workspace(workspace)
                .script(TestLocustfiles.TARGET_USERS)
                .users(6)
                .spawnRate(6.0)
                .slaves(3)
                .runTime("5s")
                .startTimeout("60s")
                .stopTimeout("2s")
                .host(target.url());
    }

    /** The run's files as the runner gives them to a backend: locustfile, reporter, version fix. */
    static Map<String, byte[]> files(LoadTestSpec spec) throws LoadTestException {
        return RunFiles.of(spec);
    }

    /**
     * True when nothing with the run label is left in the cluster and no pod process runs. The deletion the run
     * started is finished by the cluster (garbage collector, kubelet), so this waits for it, as a user would.
     */
    boolean clean(String runId) throws InterruptedException {
        return cluster.awaitNoObjectsLabelled(RunNames.RUN_ID_LABEL, runId, Duration.ofSeconds(30))
                && cluster.awaitNoProcesses(Duration.ofSeconds(15));
    }

    @Override
    public void close() throws Exception {
        target.close();
        cluster.close();
        try (var files = Files.walk(workspace)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
