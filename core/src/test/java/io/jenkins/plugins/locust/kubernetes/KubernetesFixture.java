package io.jenkins.plugins.locust.kubernetes;

import io.jenkins.plugins.locust.kubernetes.testcluster.TestCluster;
import io.jenkins.plugins.locust.spec.LoadTestSpecBuilder;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A test cluster, a local target and a locustfile: what every Kubernetes IT starts from. */
final class KubernetesFixture implements AutoCloseable {
    static final String LOCUSTFILE = """
            from locust import HttpUser, task, constant

            class Visitor(HttpUser):
                wait_time = constant(0.05)

                @task
                def home(self):
                    self.client.get("/")
            """;

    final TestCluster cluster;
    final LocalTarget target;
    final Path workspace;

    KubernetesFixture() throws IOException {
        cluster = TestCluster.start();
        target = new LocalTarget();
        workspace = Files.createTempDirectory("k8s-it");
        Files.writeString(workspace.resolve("locustfile.py"), LOCUSTFILE);
    }

    KubernetesConnection connection() {
        return KubernetesConnection.token(cluster.url(), TestCluster.TOKEN).withNamespace(TestCluster.NAMESPACE);
    }

    KubernetesBackend backend() {
        return new KubernetesBackend(connection());
    }

    /** 3 workers, 6 users, 5 s against the target; start timeout 60 s. */
    LoadTestSpecBuilder spec() {
        return LoadTestSpec.builder()
                .workspace(workspace)
                .script("locustfile.py")
                .users(6)
                .spawnRate(6.0)
                .slaves(3)
                .runTime("5s")
                .startTimeout("60s")
                .stopTimeout("2s")
                .host(target.url());
    }

    /** True when nothing with the run label is left in the cluster and no pod process runs. */
    boolean clean(String runId) throws InterruptedException {
        return cluster.objectsLabelled(RunNames.RUN_ID_LABEL, runId).isEmpty()
                && cluster.awaitNoProcesses(Duration.ofSeconds(15));
    }

    @Override
    public void close() throws IOException {
        target.close();
        cluster.close();
        try (var files = Files.walk(workspace)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
