package io.jenkins.plugins.locust.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated load test: what the pipeline step and the CLI both produce and every backend consumes. Build it with
 * {@link #builder()}; {@link LoadTestSpecBuilder#build()} checks every field at once and throws
 * {@link InvalidSpecException} naming each bad field, so nothing is ever launched from invalid input.
 *
 * @param script the locustfile, or a folder holding {@code locustfile} and its helper modules and data
 * @param locustfile the entry file relative to {@code script} when it is a folder, else its file name
 * @param users the peak number of simulated users; 0 when the locustfile's load shape sets them ({@link #loadShape})
 * @param runTime how long the test runs; with the locustfile's load shape, the most it may run (the shape ends it)
 * @param slaves the number of Locust worker pods or processes
 * @param processes Locust processes per worker ({@code --processes}); the master expects slaves × processes. When
 *     not given, one per whole worker CPU requested (images with Locust ≥ 2.19), see {@link ProcessSizing}
 * @param thresholds raw threshold expressions, parsed by the threshold package
 * @param startTimeout how long to wait for all workers to connect before failing with the cause
 * @param stopTimeout how long users may finish their tasks when the run time is over ({@code --stop-timeout})
 * @param warnings doubtful but workable input (e.g. fewer users than workers): show them, then run
 * @param loadShape the locustfile's own {@code LoadTestShape} class that drives users and duration (no users, spawn
 *     rate or stages are given then), or null when the load test's fields do
 */
public record LoadTestSpec(
        Path script,
        String locustfile,
        int users,
        int slaves,
        double spawnRate,
        Duration runTime,
        String host,
        List<String> thresholds,
        List<Stage> stages,
        Map<String, String> env,
        List<String> locustArgs,
        List<String> tags,
        List<String> excludeTags,
        String image,
        Resources masterResources,
        Resources workerResources,
        int processes,
        List<HostAlias> hostAliases,
        Duration startTimeout,
        Duration stopTimeout,
        KubernetesOptions kubernetes,
        List<FieldError> warnings,
        String loadShape) {

    /** The image tag matches the Locust we test with; never {@code latest}. */
    public static final String DEFAULT_IMAGE = "locustio/locust:2.47.0";

    public LoadTestSpec {
        thresholds = List.copyOf(thresholds);
        stages = List.copyOf(stages);
        env = Map.copyOf(env);
        locustArgs = List.copyOf(locustArgs);
        tags = List.copyOf(tags);
        excludeTags = List.copyOf(excludeTags);
        hostAliases = List.copyOf(hostAliases);
        warnings = List.copyOf(warnings);
    }

    public static LoadTestSpecBuilder builder() {
        return new LoadTestSpecBuilder();
    }

    /** Workers the master waits for: each worker pod or process forks {@code processes} Locust workers. */
    public int expectedWorkers() {
        return slaves * processes;
    }

    /** Whether the locustfile's own load shape, not users and run time or stages, drives the load. */
    public boolean hasOwnLoadShape() {
        return loadShape != null;
    }

    /**
     * The total planned duration: the run time, or the sum of the stages' own durations. With the locustfile's own
     * load shape it is the most the run may take: the shape usually ends it earlier.
     */
    public Duration plannedDuration() {
        return stages.isEmpty() ? runTime : stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
