package io.jenkins.plugins.locust.jenkins.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import hudson.AbortException;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.TestRun;
import io.jenkins.plugins.locust.jenkins.config.FakeCredentials.Token;
import io.jenkins.plugins.locust.kubernetes.KubernetesConnection;
import io.jenkins.plugins.locust.spec.LoadTestQuotas;
import io.jenkins.plugins.locust.spec.LoadTestSpec;
import io.jenkins.plugins.locust.spec.QuotaExceededException;
import io.jenkins.plugins.locust.spec.Resources;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;

class LoadTestGlobalConfigurationTest {
    /** The configuration as an administrator writes it in configuration-as-code (and the form submits it). */
    static final Map<String, Object> CASC = Map.of(
            "clusters",
            List.of(
                    Map.of(
                            "name",
                            "staging",
                            "serverUrl",
                            "https://k8s.example:6443",
                            "credentialsId",
                            "k8s-token",
                            "caCertificate",
                            ClusterConnectorTest.PEM,
                            "namespace",
                            "load-tests"),
                    Map.of("name", "local"),
                    Map.of("name", "eu", "credentialsId", "eu-kubeconfig", "context", "perf")),
            "defaults",
            Map.of(
                    "image",
                    "registry.example.com/locust:2.47.0",
                    "namespace",
                    "perf",
                    "workerCpu",
                    "2",
                    "workerMemory",
                    "2Gi",
                    "startTimeout",
                    "3m"),
            "limits",
            Map.of(
                    "maxUsers",
                    "1000",
                    "maxSlaves",
                    "10",
                    "maxWorkerCpu",
                    "16",
                    "maxRunTime",
                    "1h",
                    "allowedHosts",
                    "*.staging.example.com\n127.0.0.1:8080"));

    @TempDir
    Path workspace;

    private final FakeCredentials credentials = new FakeCredentials().with(new Token("k8s-token", "t0k3n-s3cr3t"));

    /** The real class, without Jenkins' disk: counts saves instead of writing {@code $JENKINS_HOME}. */
    static final class Unsaved extends LoadTestGlobalConfiguration {
        int saves;

        Unsaved(CredentialsSource credentials) {
            super(credentials);
        }

        @Override
        public synchronized void save() {
            saves++;
        }
    }

    private Unsaved configured() throws Exception {
        Unsaved configuration = new Unsaved(credentials);
        DataBinding.bindSetters(configuration, CASC);
        return configuration;
    }

    @Test
    void shouldGiveBackEveryValueItWasBoundWith() throws Exception {
        // given, when: bound as the form and configuration-as-code bind it
        Unsaved configuration = configured();

        // then: read back as the form and the configuration export read it
        assertThat(DataBinding.uninstantiate(configuration)).isEqualTo(CASC);
        assertThat(configuration.saves).as("every setter saves").isEqualTo(CASC.size());
    }

    @Test
    void shouldKeepBlankFieldsUnsetSoThatDefaultsApply() throws Exception {
        ClusterConfig cluster = DataBinding.instantiate(
                ClusterConfig.class, Map.of("name", " local ", "serverUrl", " ", "namespace", ""));

        assertThat(cluster.getName()).isEqualTo("local");
        assertThat(cluster.getServerUrl()).isNull();
        assertThat(cluster.getNamespace()).isNull();
        assertThat(DataBinding.uninstantiate(cluster)).isEqualTo(Map.of("name", "local"));
    }

    @Test
    void shouldRemoveEveryClusterWhenTheFormSendsNone() throws Exception {
        // given: clusters saved before; the form now holds none, so it sends no "clusters" key
        Unsaved configuration = configured();
        Map<String, Object> form = Map.of("defaults", Map.of(), "limits", Map.of("maxUsers", "10"));

        // when
        configuration.configure(submitting(form), null);

        // then
        assertThat(configuration.getClusters()).isEmpty();
        assertThat(configuration.getLimits().getMaxUsers()).isEqualTo("10");
    }

    @Test
    void shouldKeepTheSavedClustersWhenTheFormIsRefused() throws Exception {
        Unsaved configuration = configured();
        Map<String, Object> form = Map.of("clusters", List.of(Map.of("name", "a"), Map.of("name", "a")));

        assertThatThrownBy(() -> configuration.configure(submitting(form), null))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("Two clusters are named 'a': pipelines choose a cluster by its name, so give each"
                        + " a name of its own.");
        assertThat(configuration.getClusters())
                .extracting(ClusterConfig::getName)
                .containsExactly("staging", "local", "eu");
    }

    /** A form submission: Stapler calls the setters of the keys the form sent (RequestImpl.bindJSON). */
    private static StaplerRequest2 submitting(Map<String, Object> form) {
        // a proxy: the request is a servlet request too, and only bindJSON is called
        return (StaplerRequest2) java.lang.reflect.Proxy.newProxyInstance(
                StaplerRequest2.class.getClassLoader(),
                new Class<?>[] {StaplerRequest2.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("bindJSON")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    DataBinding.bindSetters(args[0], form);
                    return null;
                });
    }

    @Test
    void shouldChooseTheFirstClusterByDefaultAndOthersByName() throws Exception {
        Unsaved configuration = configured();

        assertThat(configuration.cluster(null).getName()).isEqualTo("staging");
        assertThat(configuration.cluster(" ").getName()).isEqualTo("staging");
        assertThat(configuration.cluster("eu").getContext()).isEqualTo("perf");
        assertThatThrownBy(() -> configuration.cluster("prod"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("cluster = 'prod'")
                .hasMessageContaining("'staging', 'local', 'eu'");
    }

    @Test
    void shouldSayWhereToAddAClusterWhenThereIsNone() {
        assertThatThrownBy(() -> new Unsaved(credentials).cluster(null))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("No Kubernetes cluster is configured")
                .hasMessageContaining(LoadTestGlobalConfiguration.WHERE);
    }

    @Test
    void shouldRefuseTwoClustersOfOneName() {
        Unsaved configuration = new Unsaved(credentials);

        assertThatThrownBy(() -> configuration.setClusters(List.of(new ClusterConfig("a"), new ClusterConfig("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two clusters are named 'a'");
        assertThat(configuration.getClusters()).isEmpty();
        assertThat(configuration.saves).isZero();
    }

    @Test
    void shouldResolveTheConnectionForTheBuildWithItsCredential() throws Exception {
        Unsaved configuration = configured();

        KubernetesConnection connection =
                configuration.resolveConnection(configuration.cluster("staging"), new TestRun("job #3"));

        assertThat(credentials.lookups).containsExactly("k8s-token for job #3");
        assertThat(connection.serverUrl()).isEqualTo("https://k8s.example:6443");
        assertThat(connection.namespace()).isEqualTo("load-tests");
        assertThat(configuration
                        .resolveConnection(configuration.cluster("local"), new TestRun("job #4"))
                        .namespace())
                .as("the default namespace when the cluster names none")
                .isEqualTo("perf");
    }

    @Test
    void shouldRejectAnUnknownCredentialBeforeAnythingIsCreated() throws Exception {
        Unsaved configuration = configured();

        AbortException e = catchThrowableOfType(
                AbortException.class,
                () -> configuration.resolveConnection(configuration.cluster("eu"), new TestRun("job #5")));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("cluster 'eu'", "'eu-kubeconfig'");
    }

    @Test
    void shouldHoldNoSecretInItsState() throws Exception {
        // given: a connection was resolved (the secret was read)
        Unsaved configuration = configured();
        configuration.resolveConnection(configuration.cluster("staging"), new TestRun("job #6"));

        // then: nothing the configuration keeps or saves holds it
        for (Object kept : List.of(configuration, configuration.cluster("staging"), configuration.getDefaults())) {
            for (Field field : kept.getClass().getDeclaredFields()) {
                field.setAccessible(true);
                assertThat(String.valueOf(field.get(kept))).as(field.toString()).doesNotContain("t0k3n-s3cr3t");
            }
        }
    }

    @Test
    void shouldEnforceTheLimitsBeforeARunNamingThem() throws Exception {
        // given
        Unsaved configuration = configured();
        LoadTestSpec tooBig = spec().users(5000)
                .slaves(2)
                .host("https://shop.staging.example.com")
                .build();

        // when
        QuotaExceededException e = catchThrowableOfType(
                QuotaExceededException.class, () -> configuration.quotas().check(tooBig));

        // then
        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("users = '5000 users'", "Max users (1000)", LoadTestGlobalConfiguration.WHERE);
    }

    @Test
    void shouldStopARunWhenAStoredLimitIsBroken() throws Exception {
        Unsaved configuration = new Unsaved(credentials);
        LoadTestLimits limits = new LoadTestLimits();
        limits.setMaxUsers("lots");
        configuration.setLimits(limits);

        assertThatThrownBy(configuration::quotas)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("maxUsers = 'lots'")
                .hasMessageContaining(LoadTestGlobalConfiguration.WHERE);
    }

    @Test
    void shouldAllowEverythingWhenNothingIsConfigured() throws Exception {
        assertThat(new Unsaved(credentials).quotas())
                .isEqualTo(LoadTestQuotas.parse(null, null, null, null, null, LoadTestGlobalConfiguration.WHERE));
    }

    @Test
    void shouldApplyTheDefaultsUnderTheStepsOwnValues() throws Exception {
        // given
        Unsaved configuration = configured();
        var builder = spec();

        // when: defaults first, then what the step says
        configuration.applyDefaults(builder);
        LoadTestSpec spec = builder.startTimeout("90s").build();

        // then
        assertThat(spec.image()).isEqualTo("registry.example.com/locust:2.47.0");
        assertThat(spec.workerResources()).isEqualTo(new Resources("2", null, "2Gi", "2Gi"));
        assertThat(spec.startTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    private io.jenkins.plugins.locust.spec.LoadTestSpecBuilder spec() throws IOException {
        Files.writeString(
                workspace.resolve("locustfile.py"),
                "from locust import HttpUser, task\n\nclass U(HttpUser):\n    @task\n    def t(self):\n"
                        + "        self.client.get('/')\n");
        return LoadTestSpec.builder().workspace(workspace).script("locustfile.py");
    }
}
