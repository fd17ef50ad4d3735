package io.jenkins.plugins.locust.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.locust.reporter.ReporterEvents;
import io.jenkins.plugins.locust.result.ResultFixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The master's stdout of a synthetic one-hour run, line for line as {@code locust_loadtest_reporter.py} prints it
 * (compact JSON, {@code event} last; field set as in core's recorded reporter-2.47.0.out): {@code hello}, then every
 * 2 s a {@code workers} and a {@code snapshot} event, then one {@code final} event with every endpoint's merged
 * histogram (Locust's buckets: exact below 100 ms, then two significant digits) and the aggregated row.
 */
public final class SyntheticRun {
    /** One hour of snapshots, one every 2 s. */
    public static final int SNAPSHOTS = 1800;

    public static final int ENDPOINTS = 50;
    public static final int WORKERS = 4;
    public static final int USERS = 500;
    /** Response times drawn per endpoint; the histogram's counts are scaled up to the endpoint's requests. */
    private static final int SAMPLES = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double START = 1_795_960_000.0;

    private SyntheticRun() {}

    /** The reporter lines of the run; {@code seed} varies the numbers (two builds to compare). */
    public static List<String> lines(long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add(line(hello()));
        long requests = 0;
        long failures = 0;
        for (int i = 1; i <= SNAPSHOTS; i++) {
            double elapsed = i * 2.0 + random.nextDouble() * 0.01;
            double rps = 950 + random.nextGaussian() * 40;
            double failPerS = Math.max(0, random.nextGaussian() * 0.5 + 1);
            requests += Math.round(rps * 2);
            failures += Math.round(failPerS * 2);
            lines.add(line(workers(random, "running", false)));
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("elapsed", elapsed);
            snapshot.put("state", i < 30 ? "spawning" : "running");
            snapshot.put("users", Math.min(USERS, i * 10));
            snapshot.put("workers", WORKERS);
            snapshot.put("rps", rps);
            snapshot.put("fail_per_s", failPerS);
            snapshot.put("p50", 40 + random.nextInt(20));
            snapshot.put("p95", 380 + random.nextInt(120));
            snapshot.put("p99", 900 + random.nextInt(400));
            snapshot.put("requests", requests);
            snapshot.put("failures", failures);
            snapshot.put("event", "snapshot");
            lines.add(line(snapshot));
        }
        lines.add(line(finalEvent(random, requests)));
        return lines;
    }

    private static Map<String, Object> hello() {
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("protocol", "1.0");
        hello.put("locust_version", "2.47.0");
        hello.put("users", USERS);
        hello.put("spawn_rate", 10.0);
        hello.put("run_time", 3600.0);
        hello.put("expected_workers", WORKERS);
        hello.put("host", "http://127.0.0.1:8080");
        hello.put("shape", null);
        hello.put("stages", List.of());
        hello.put("abort_rules", 0);
        hello.put("event", "hello");
        return hello;
    }

    private static Map<String, Object> workers(Random random, String state, boolean gone) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Map<String, Object> worker = new LinkedHashMap<>();
            worker.put("id", "worker-" + w + "_c009dab281ac4e9cb30dc1d672f6196" + w);
            worker.put("state", gone ? "gone" : state);
            worker.put("users", USERS / WORKERS);
            worker.put("cpu", 40 + random.nextDouble() * 30);
            worker.put("max_cpu", 75.5);
            worker.put("lost", false);
            worker.put("lost_at", null);
            worker.put("exit_code", null);
            worker.put("exit_cause", null);
            list.add(worker);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("connected", WORKERS);
        event.put("expected", WORKERS);
        event.put("workers", list);
        event.put("event", "workers");
        return event;
    }

    private static Map<String, Object> finalEvent(Random random, long requests) {
        List<Map<String, Object>> endpoints = new ArrayList<>();
        TreeMap<Long, Long> merged = new TreeMap<>();
        long perEndpoint = requests / ENDPOINTS;
        long allFailures = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        double total = 0;
        for (int e = 0; e < ENDPOINTS; e++) {
            Map<String, Object> endpoint = endpoint(random, e, perEndpoint);
            @SuppressWarnings("unchecked")
            Map<String, Long> histogram = (Map<String, Long>) endpoint.get("response_times");
            histogram.forEach((ms, count) -> merged.merge(Long.parseLong(ms), count, Long::sum));
            allFailures += (Long) endpoint.get("num_failures");
            min = Math.min(min, (Double) endpoint.get("min"));
            max = Math.max(max, (Double) endpoint.get("max"));
            total += (Double) endpoint.get("total");
            endpoints.add(endpoint);
        }
        Map<String, Object> aggregated = new LinkedHashMap<>();
        aggregated.put("method", "");
        aggregated.put("name", "Aggregated");
        aggregated.put("num_requests", perEndpoint * ENDPOINTS);
        aggregated.put("num_failures", allFailures);
        aggregated.put("min", min);
        aggregated.put("max", max);
        aggregated.put("total", total);
        aggregated.put("content", perEndpoint * ENDPOINTS * 900);
        aggregated.put("rps", perEndpoint * ENDPOINTS / 3600.0);
        aggregated.put("response_times", keyed(merged));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("elapsed", 3600.4);
        event.put("exit_code", 0);
        event.put("aborted", false);
        event.put("test_seconds", 3600.0);
        event.put("stop_cause", null);
        event.put("tasks", perEndpoint * ENDPOINTS);
        event.put("start_time", START);
        event.put("stop_time", START + 3600.4);
        event.put("endpoints", endpoints);
        event.put("total", aggregated);
        event.put(
                "errors",
                List.of(
                        error("GET", "/api/cart", "HTTPError('503 Server Error: Service Unavailable')", 1200),
                        error("POST", "/checkout", "ConnectionResetError(104, 'Connection reset by peer')", 31)));
        Map<String, Object> exception = new LinkedHashMap<>();
        exception.put("count", 2);
        exception.put("msg", "KeyError: 'token'");
        exception.put(
                "traceback",
                "Traceback (most recent call last):\n  File \"locustfile.py\", line 12, in login\nKeyError: 'token'");
        exception.put("nodes", List.of("worker-1", "worker-2"));
        event.put("exceptions", List.of(exception));
        event.put("workers", workers(random, "gone", true).get("workers"));
        event.put("event", "final");
        return event;
    }

    /** Lognormal response times around a per-endpoint median (8 ms to ~1 s), a long tail up to 30 s. */
    private static Map<String, Object> endpoint(Random random, int index, long requests) {
        double median = 8 * Math.pow(1.1, index);
        TreeMap<Long, Long> sampled = new TreeMap<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        for (int s = 0; s < SAMPLES; s++) {
            double ms = Math.min(30_000, median * Math.exp(random.nextGaussian() * 0.8));
            sampled.merge(ResultFixtures.bucket(ms), 1L, Long::sum);
            min = Math.min(min, ms);
            max = Math.max(max, ms);
            sum += ms;
        }
        long scale = Math.max(1, requests / SAMPLES);
        TreeMap<Long, Long> histogram = new TreeMap<>();
        sampled.forEach((ms, count) -> histogram.put(ms, count * scale));
        long counted = SAMPLES * scale;
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("method", index % 4 == 0 ? "POST" : "GET");
        endpoint.put("name", "/api/v1/resource-" + index + (index % 3 == 0 ? "/{id}" : ""));
        endpoint.put("num_requests", counted);
        endpoint.put("num_failures", (long) (counted * (index % 7 == 0 ? 0.004 : 0.0002)));
        endpoint.put("min", min);
        endpoint.put("max", max);
        endpoint.put("total", sum * scale);
        endpoint.put("content", counted * 900);
        endpoint.put("rps", counted / 3600.0);
        endpoint.put("response_times", keyed(histogram));
        return endpoint;
    }

    private static Map<String, Long> keyed(TreeMap<Long, Long> histogram) {
        Map<String, Long> keyed = new LinkedHashMap<>();
        histogram.forEach((ms, count) -> keyed.put(String.valueOf(ms), count));
        return keyed;
    }

    private static Map<String, Object> error(String method, String name, String error, long occurrences) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("method", method);
        entry.put("name", name);
        entry.put("error", error);
        entry.put("occurrences", occurrences);
        return entry;
    }

    private static String line(Map<String, Object> event) {
        try {
            return ReporterEvents.PREFIX + ReporterEvents.MAJOR_VERSION + " " + JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of plain values cannot fail to serialise", e);
        }
    }
}
