package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.jenkins.plugins.locust.run.LoadTestRunner;
import io.jenkins.plugins.locust.run.RunOutcome;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker pod evicted mid-run (what a node drain, preemption or spot loss does, through the Eviction API): the
 * worker Job replaces it without using up its backoff limit, Locust gives the replacement users, and the run ends
 * with its result.
 */
class KubernetesDisruptionIT {
    private static final String RUN_ID = "it-evict";

    private final List<String> console = new CopyOnWriteArrayList<>();
    private KubernetesFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new KubernetesFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void shouldReplaceAnEvictedWorkerAndRebalanceItsUsersOntoTheReplacement() throws Exception {
        // given a run of 3 workers that has started
        var spec = fixture.spec().runTime("40s").startTimeout("90s").build();
        CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new LoadTestRunner(fixture.backend(), this::println)
                        .run(RUN_ID, spec, fixture.workspace.resolve("out"), Optional.empty());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await("all workers connected", Duration.ofSeconds(90), () -> has("All 3 workers connected"));
        Set<String> before = workerPods();
        int spawnsBefore = count("Sending spawn jobs");

        // when one worker is evicted
        String evicted = before.iterator().next();
        assertThat(fixture.cluster
                        .client()
                        .pods()
                        .inNamespace(fixture.cluster.namespace())
                        .withName(evicted)
                        .evict())
                .isTrue();

        // then the Job starts a replacement, which Locust gives users to
        await("a replacement worker pod", Duration.ofSeconds(40), () -> workerPods().stream()
                .anyMatch(name -> !before.contains(name)));
        await(
                "the users spread over 3 workers again",
                Duration.ofSeconds(40),
                () -> console.stream()
                                .filter(l -> l.contains("Sending spawn jobs") && l.contains("to 3 ready workers"))
                                .count()
                        > spawnsBefore);
        RunOutcome outcome = run.get(120, TimeUnit.SECONDS);
        assertThat(outcome.result().aggregated().requests()).isPositive();
        assertThat(console)
                .anySatisfy(l -> assertThat(l).contains(evicted).contains("The worker Job starts a replacement"));
        assertThat(console).noneSatisfy(l -> assertThat(l).contains("users were not replaced"));
        Job workers = fixture.cluster
                .client()
                .batch()
                .v1()
                .jobs()
                .inNamespace(fixture.cluster.namespace())
                .withName("locust-" + RUN_ID + "-worker")
                .get();
        // (the run deletes its Jobs at the end; if it is still there, the disruption must not have counted)
        if (workers != null && workers.getStatus() != null) {
            assertThat(workers.getStatus().getFailed()).isNull();
        }
        assertThat(fixture.clean(RUN_ID)).isTrue();
    }

    private Set<String> workerPods() {
        return fixture.cluster.pods("worker").stream()
                .map(Pod::getMetadata)
                .map(m -> m.getName())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private boolean has(String text) {
        return console.stream().anyMatch(l -> l.contains(text));
    }

    private int count(String text) {
        return (int) console.stream().filter(l -> l.contains(text)).count();
    }

    private void println(String line) {
        System.out.println(LocalTime.now() + " " + line);
        console.add(line);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
