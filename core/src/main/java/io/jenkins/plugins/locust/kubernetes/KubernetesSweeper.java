package io.jenkins.plugins.locust.kubernetes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.locust.run.LoadTestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes what runs left behind (a controller that died mid-run, a cleanup that could not finish): every object of
 * this tool older than the given age, found by the managed-by label, whatever run it belongs to.
 */
public final class KubernetesSweeper {
    /** One removed object, e.g. {@code Job locust-x-worker (run x, 3h old)}. */
    public record Swept(String kind, String name, String runId, Duration age) {
        @Override
        public String toString() {
            return kind + " " + name + " (run " + runId + ", " + age.toMinutes() + " min old)";
        }
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;

    public KubernetesSweeper(KubernetesClient client, String namespace) {
        this(client, namespace, Clock.systemUTC());
    }

    KubernetesSweeper(KubernetesClient client, String namespace, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
    }

    /** Deletes the tool's objects created more than {@code olderThan} ago and returns what it deleted. */
    public List<Swept> sweep(Duration olderThan) throws LoadTestException {
        Instant cutoff = clock.instant().minus(olderThan);
        List<HasMetadata> candidates = new ArrayList<>();
        try {
            candidates.addAll(list(client.configMaps()
                    .inNamespace(namespace)
                    .withLabel("app.kubernetes.io/managed-by", RunNames.MANAGED_BY)
                    .list()
                    .getItems()));
            candidates.addAll(list(client.services()
                    .inNamespace(namespace)
                    .withLabel("app.kubernetes.io/managed-by", RunNames.MANAGED_BY)
                    .list()
                    .getItems()));
            candidates.addAll(list(client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(namespace)
                    .withLabel("app.kubernetes.io/managed-by", RunNames.MANAGED_BY)
                    .list()
                    .getItems()));
            candidates.addAll(list(client.pods()
                    .inNamespace(namespace)
                    .withLabel("app.kubernetes.io/managed-by", RunNames.MANAGED_BY)
                    .list()
                    .getItems()));
        } catch (KubernetesClientException e) {
            throw new LoadTestException(KubernetesErrors.describe(e, "list the load test objects", namespace), e);
        }
        List<Swept> swept = new ArrayList<>();
        for (HasMetadata object : candidates) {
            Instant created = OffsetDateTime.parse(object.getMetadata().getCreationTimestamp())
                    .toInstant();
            if (!created.isBefore(cutoff)) {
                continue;
            }
            try {
                client.resource(object)
                        .inNamespace(namespace)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                        .delete();
            } catch (KubernetesClientException e) {
                throw new LoadTestException(
                        KubernetesErrors.describe(
                                e,
                                "delete " + object.getKind() + " "
                                        + object.getMetadata().getName(),
                                namespace),
                        e);
            }
            String runId = object.getMetadata().getLabels().getOrDefault(RunNames.RUN_ID_LABEL, "?");
            swept.add(new Swept(
                    object.getKind(),
                    object.getMetadata().getName(),
                    runId,
                    Duration.between(created, clock.instant())));
        }
        swept.sort(Comparator.comparing(Swept::runId).thenComparing(Swept::kind).thenComparing(Swept::name));
        return swept;
    }

    private static List<HasMetadata> list(List<? extends HasMetadata> items) {
        return new ArrayList<>(items);
    }
}
