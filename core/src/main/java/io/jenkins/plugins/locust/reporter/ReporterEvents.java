package io.jenkins.plugins.locust.reporter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.locust.result.EndpointStats;
import io.jenkins.plugins.locust.result.ExceptionEntry;
import io.jenkins.plugins.locust.result.FailureEntry;
import io.jenkins.plugins.locust.result.Percentiles;
import io.jenkins.plugins.locust.result.ResponseTimeHistogram;
import io.jenkins.plugins.locust.result.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the reporter's line protocol: {@code ##loadtest:v1 {json}}. Lines without the prefix are ordinary Locust
 * output (empty result); unknown event types are skipped, so a newer reporter of the same major version still works.
 */
public final class ReporterEvents {
    public static final String PREFIX = "##loadtest:v";
    public static final int MAJOR_VERSION = 1;

    private static final Pattern HEADER = Pattern.compile("##loadtest:v(\\d+) ");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReporterEvents() {}

    /**
     * The event on this line, or empty when the line is not a reporter line.
     *
     * @throws UnsupportedReporterProtocolException for another major protocol version or a garbled reporter line
     */
    public static Optional<ReporterEvent> parse(String line) {
        int start = line == null ? -1 : line.indexOf(PREFIX);
        if (start < 0) {
            return Optional.empty();
        }
        Matcher header = HEADER.matcher(line);
        if (!header.find(start) || header.start() != start) {
            return Optional.empty();
        }
        int major = Integer.parseInt(header.group(1));
        if (major != MAJOR_VERSION) {
            throw new UnsupportedReporterProtocolException("The Locust reporter speaks protocol v" + major
                    + " but this engine reads v" + MAJOR_VERSION
                    + ": the reporter file and the plugin come from different releases. Use the reporter bundled"
                    + " with this plugin (do not ship your own locust_loadtest_reporter.py).");
        }
        JsonNode json;
        try {
            json = JSON.readTree(line.substring(header.end()));
        } catch (JsonProcessingException e) {
            throw new UnsupportedReporterProtocolException("Garbled reporter line (not JSON): " + abbreviate(line), e);
        }
        return Optional.ofNullable(toEvent(json));
    }

    private static ReporterEvent toEvent(JsonNode json) {
        return switch (json.path("event").asText()) {
            case "hello" ->
                new ReporterEvent.Hello(
                        text(json, "protocol"),
                        text(json, "locust_version"),
                        integer(json, "users"),
                        decimal(json, "spawn_rate"),
                        decimal(json, "run_time"),
                        integer(json, "expected_workers"),
                        text(json, "host"),
                        text(json, "shape"));
            case "workers" ->
                new ReporterEvent.Workers(
                        json.path("connected").asInt(),
                        integer(json, "expected"),
                        list(json, "workers", ReporterEvents::worker));
            case "snapshot" -> new ReporterEvent.Progress(snapshot(json), text(json, "state"));
            case "abort" ->
                new ReporterEvent.Abort(
                        json.path("elapsed").asDouble(),
                        text(json, "expression"),
                        text(json, "metric"),
                        json.path("actual").asDouble(),
                        json.path("limit").asDouble(),
                        text(json, "reason"));
            case "error" -> new ReporterEvent.Failure(text(json, "message"));
            case "final" -> finalEvent(json);
            default -> null;
        };
    }

    private static Snapshot snapshot(JsonNode json) {
        return new Snapshot(
                json.path("elapsed").asDouble(),
                json.path("users").asInt(),
                json.path("workers").asInt(),
                json.path("rps").asDouble(),
                json.path("fail_per_s").asDouble(),
                json.path("p50").asLong(),
                json.path("p95").asLong(),
                json.path("p99").asLong(),
                json.path("requests").asLong(),
                json.path("failures").asLong());
    }

    private static ReporterEvent.WorkerState worker(JsonNode json) {
        return new ReporterEvent.WorkerState(
                text(json, "id"),
                text(json, "state"),
                json.path("users").asInt(),
                json.path("cpu").asDouble(),
                decimal(json, "max_cpu"),
                json.path("lost").asBoolean(),
                decimal(json, "lost_at"),
                integer(json, "exit_code"),
                text(json, "exit_cause"));
    }

    private static ReporterEvent.Final finalEvent(JsonNode json) {
        return new ReporterEvent.Final(
                integer(json, "exit_code"),
                json.path("aborted").asBoolean(),
                decimal(json, "test_seconds"),
                text(json, "stop_cause"),
                instant(json, "start_time"),
                instant(json, "stop_time"),
                endpoint(json.path("total")),
                list(json, "endpoints", ReporterEvents::endpoint),
                list(
                        json,
                        "errors",
                        e -> new FailureEntry(
                                text(e, "method"),
                                text(e, "name"),
                                text(e, "error"),
                                e.path("occurrences").asLong())),
                list(
                        json,
                        "exceptions",
                        e -> new ExceptionEntry(
                                e.path("count").asLong(),
                                text(e, "msg"),
                                text(e, "traceback"),
                                list(e, "nodes", JsonNode::asText))),
                list(json, "workers", ReporterEvents::worker),
                json.path("tasks").isIntegralNumber() ? json.path("tasks").asLong() : null);
    }

    private static EndpointStats endpoint(JsonNode json) {
        TreeMap<Long, Long> buckets = new TreeMap<>();
        json.path("response_times")
                .fields()
                .forEachRemaining(e ->
                        buckets.merge(Long.parseLong(e.getKey()), e.getValue().asLong(), Long::sum));
        ResponseTimeHistogram histogram = new ResponseTimeHistogram(buckets);
        String method = text(json, "method");
        String name = text(json, "name");
        return new EndpointStats(
                method == null ? "" : method,
                name == null ? EndpointStats.AGGREGATED : name,
                json.path("num_requests").asLong(),
                json.path("num_failures").asLong(),
                json.path("min").asDouble(),
                json.path("max").asDouble(),
                json.path("total").asDouble(),
                json.path("content").asLong(),
                json.path("rps").asDouble(),
                Percentiles.of(histogram),
                histogram);
    }

    private static <T> List<T> list(JsonNode json, String field, Function<JsonNode, T> mapper) {
        List<T> items = new ArrayList<>();
        json.path(field).forEach(item -> items.add(mapper.apply(item)));
        return items;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isNumber() ? null : value.asInt();
    }

    private static Double decimal(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static Instant instant(JsonNode json, String field) {
        Double seconds = decimal(json, field);
        return seconds == null ? null : Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
