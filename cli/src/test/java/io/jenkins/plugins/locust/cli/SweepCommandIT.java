package io.jenkins.plugins.locust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.kubernetes.testcluster.TestCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code loadtest sweep} against the real test control plane, as the run's service account bound by docs/rbac.yaml. */
class SweepCommandIT {
    private TestCluster cluster;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = TestCluster.start();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    private CliRun sweep(String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        KubernetesConnection connection = cluster.connection();
        return CliRun.with(
                new CommandLine.IFactory() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <K> K create(Class<K> type) throws Exception {
                        return type == SweepCommand.class
                                ? (K) new SweepCommand((kubeconfig, context) -> connection)
                                : defaults.create(type);
                    }
                },
                args);
    }

    private void leftover(String name, String managedBy) {
        cluster.client()
                .configMaps()
                .inNamespace(cluster.namespace())
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels("app.kubernetes.io/managed-by", managedBy)
                        .addToLabels("locust-load-test.jenkins.io/run-id", "old-run")
                        .endMetadata()
                        .build())
                .create();
    }

    @Test
    void shouldDeleteTheToolsLeftoversOlderThanTheAgeAndNothingElse() {
        // given
        leftover("locust-old-run-files", "locust-load-test");
        leftover("someone-elses", "helm");

        // when
        CliRun run = sweep("sweep", "--older-than", "0s");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("deleted ConfigMap locust-old-run-files (run old-run")
                .contains("Swept 1 objects in namespace " + cluster.namespace() + ".");
        assertThat(cluster.client()
                        .configMaps()
                        .inNamespace(cluster.namespace())
                        .list()
                        .getItems())
                .extracting(c -> c.getMetadata().getName())
                .contains("someone-elses")
                .doesNotContain("locust-old-run-files");
    }

    @Test
    void shouldKeepWhatIsYoungerThanTheAge() {
        // given
        leftover("locust-new-run-files", "locust-load-test");

        // when
        CliRun run = sweep("sweep", "--older-than", "2h");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Nothing older than 2h to sweep in namespace " + cluster.namespace() + ".");
    }

    @Test
    void shouldNameTheOptionForABadAge() {
        CliRun run = sweep("sweep", "--older-than", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--older-than").contains("soon");
    }
}
