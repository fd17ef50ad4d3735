package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.kubernetes.testcluster.ApiCall;
import io.jenkins.plugins.locust.kubernetes.testcluster.TestCluster;
import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.RunOutcome;
import io.jenkins.plugins.locust.testing.TestLocustfiles;
import io.jenkins.plugins.locust.testing.TestTarget;
import io.jenkins.plugins.locust.threshold.OutcomeStatus;
import io.jenkins.plugins.locust.threshold.VerdictStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One full run through {@link LoadTestRunner} on the test cluster (fabric8 client ⇄ CRUD API server ⇄ test kubelet
 * ⇄ real Locust): 1 master and 3 workers against {@link TestTarget}. The run happens once; each test checks one
 * aspect of it.
 */
class KubernetesRunIT {
    private static final String RUN_ID = "it-run";
    private static final List<String> CONSOLE = new CopyOnWriteArrayList<>();

    private static TestCluster cluster;
    private static TestTarget target;
    private static Path workspace;
    private static RunOutcome outcome;
    private static List<ApiCall> calls;
    private static long elapsedMillis;

    @BeforeAll
    static void runOnce() throws Exception {
        cluster = TestCluster.start();
        target = TestTarget.start();
        workspace = Files.createTempDirectory("k8s-run-it");
        TestLocustfiles.write(workspace, TestLocustfiles.TARGET_USERS);
        KubernetesBackend backend = new KubernetesBackend(cluster.connection());
        long start = System.nanoTime();
        outcome = new LoadTestRunner(backend, KubernetesRunIT::println)
                .run(
                        RUN_ID,
                        io.jenkins.plugins.locust.spec.LoadTestSpec.builder()
                                .workspace(workspace)
                                .script(TestLocustfiles.TARGET_USERS)
                                .users(6)
                                .spawnRate(6.0)
                                .slaves(3)
                                .runTime("11s")
                                .startTimeout("90s")
                                .stopTimeout("2s")
                                .host(target.url())
                                .threshold("p95 < 10s")
                                .threshold("fail_ratio < 1%")
                                .build(),
                        workspace.resolve("out"),
                        Optional.empty());
        elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Kubernetes full run (1 master + 3 workers, 11 s): " + elapsedMillis + " ms in total");
        calls = cluster.apiCalls();
    }

    private static void println(String line) {
        System.out.println(LocalTime.now() + " " + line);
        CONSOLE.add(line);
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
        target.close();
    }

    @Test
    void shouldShowMasterAndWorkerLinesAndProgressOnTheConsole() {
        assertThat(CONSOLE).anyMatch(l -> l.startsWith("[master] ") && l.contains("Starting Locust"));
        assertThat(CONSOLE).anyMatch(l -> l.startsWith("[worker-1] "));
        assertThat(CONSOLE).anyMatch(l -> l.startsWith("[worker-3] "));
        assertThat(CONSOLE).anyMatch(l -> l.contains("All 3 workers connected"));
        assertThat(CONSOLE).noneMatch(l -> l.contains("locust_loadtest"));
    }

    @Test
    void shouldCountTheRequestsTheTargetServed() {
        long counted = outcome.result().aggregated().requests();
        long served = target.totalRequests();
        System.out.printf("requests: counted %d, served %d (%d missing)%n", counted, served, served - counted);
        // The reporter makes the master wait for every worker's last report, so only requests in flight when the
        // users were stopped (at most one per user) reached the target without being recorded.
        assertThat(counted).isPositive();
        assertThat(served - counted).isBetween(0L, 6L);
        assertThat(outcome.result().aggregated().failures()).isLessThanOrEqualTo(target.totalFailures());
        assertThat(outcome.result().run().backend()).isEqualTo("kubernetes");
    }

    @Test
    void shouldLetTheThresholdsDecideTheVerdict() {
        // /flaky fails every 4th request: about 6 % of all requests fail, far below 10 s at p95
        assertThat(outcome.verdict().status()).isEqualTo(VerdictStatus.FAILED);
        assertThat(outcome.verdict().outcomes())
                .extracting(o -> o.expression() + " " + o.status())
                .containsExactly("p95 < 10s " + OutcomeStatus.PASSED, "fail_ratio < 1% " + OutcomeStatus.FAILED);
    }

    @Test
    void shouldLeaveNoObjectAndNoProcessBehind() throws Exception {
        assertThat(cluster.awaitNoObjectsLabelled(RunNames.RUN_ID_LABEL, RUN_ID, Duration.ofSeconds(30)))
                .isTrue();
        assertThat(cluster.awaitNoProcesses(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void shouldOnlyMakeApiCallsThatDocsRbacYamlGrants() throws Exception {
        RbacFile rbac = RbacFile.load();
        List<ApiCall> resourceCalls = calls.stream()
                .filter(c -> c.group() != null && c.resource() != null)
                .toList();
        assertThat(resourceCalls).isNotEmpty();
        assertThat(resourceCalls).allSatisfy(call -> assertThat(
                        rbac.allows(call.verb(), call.group(), call.rbacResource()))
                .as("%s (%s %s/%s) is granted by docs/rbac.yaml", call, call.verb(), call.group(), call.rbacResource())
                .isTrue());
        assertThat(resourceCalls)
                .allSatisfy(call -> assertThat(call.namespace()).isEqualTo(cluster.namespace()));
        System.out.println("API calls during the run: " + calls.size() + " "
                + resourceCalls.stream()
                        .map(c -> c.verb() + " " + c.rbacResource())
                        .distinct()
                        .sorted()
                        .toList());
    }
}
