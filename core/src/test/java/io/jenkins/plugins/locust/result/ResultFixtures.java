package io.jenkins.plugins.locust.result;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Results for tests, built from raw response times the way Locust would count them. */
public final class ResultFixtures {
    private ResultFixtures() {}

    /** Locust's {@code bucket_response_time}: exact below 100 ms, then two significant digits (half-even). */
    public static long bucket(double ms) {
        int digits = ms < 100 ? 0 : ms < 1000 ? -1 : ms < 10_000 ? -2 : -3;
        return new BigDecimal(ms).setScale(digits, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** An endpoint that received these response times (ms), {@code failures} of them failed, over {@code seconds}. */
    public static EndpointStats endpoint(
            String method, String name, long failures, double seconds, double... responseTimes) {
        Map<Long, Long> buckets = new TreeMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double total = 0;
        for (double time : responseTimes) {
            buckets.merge(bucket(time), 1L, Long::sum);
            min = Math.min(min, time);
            max = Math.max(max, time);
            total += time;
        }
        ResponseTimeHistogram histogram = new ResponseTimeHistogram(buckets);
        int requests = responseTimes.length;
        return new EndpointStats(
                method,
                name,
                requests,
                failures,
                requests == 0 ? 0 : min,
                max,
                total,
                requests * 512L,
                requests / seconds,
                Percentiles.of(histogram),
                histogram);
    }

    /** A result of these endpoints, aggregated as Locust does, with no time series or errors. */
    public static LoadTestResult result(EndpointStats... endpoints) {
        return new LoadTestResult(
                LoadTestResult.SCHEMA_VERSION,
                new RunInfo("run-1", "local", "2.47.0", "http://127.0.0.1:8080", 10, 2, 60, null, 0),
                StatsAggregation.combine("", EndpointStats.AGGREGATED, List.of(endpoints)),
                List.of(endpoints),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                new Timings(null, null, null, null),
                List.of());
    }

    /** A realistic 60-s run of three endpoints with a time series, failures, an exception, workers and warnings. */
    public static LoadTestResult realistic() {
        EndpointStats home = endpoint("GET", "/", 3, 60, spread(1200, 12, 180));
        EndpointStats cart = endpoint("GET", "/api/cart", 20, 60, spread(800, 40, 900));
        EndpointStats login = endpoint("POST", "/login", 0, 60, spread(300, 90, 1600));
        List<EndpointStats> endpoints = List.of(home, cart, login);
        List<Snapshot> timeline = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            double t = i * 2.0;
            int users = Math.min(50, i * 5);
            double rps = users * 0.8 + (i % 3);
            timeline.add(new Snapshot(
                    t, users, 2, rps, i > 20 ? 0.4 : 0, 40 + i, 200 + 5L * i, 600 + 10L * i, (long) (rps * t), i));
        }
        Instant start = Instant.parse("2026-11-29T10:00:00Z");
        return new LoadTestResult(
                LoadTestResult.SCHEMA_VERSION,
                new RunInfo("shop-42-x7k2", "kubernetes", "2.47.0", "https://staging.example.com", 50, 2, 60, null, 1),
                StatsAggregation.combine("", EndpointStats.AGGREGATED, endpoints),
                endpoints,
                timeline,
                List.of(
                        new FailureEntry("GET", "/api/cart", "HTTPError('503 Server Error: Service Unavailable')", 20),
                        new FailureEntry("GET", "/", "ConnectionResetError(104, 'Connection reset by peer')", 3)),
                List.of(new ExceptionEntry(
                        2,
                        "KeyError: 'token'",
                        "Traceback (most recent call last):\n  File \"locustfile.py\", line 12, in login\n"
                                + "KeyError: 'token'",
                        List.of("worker-1", "worker-2"))),
                List.of(
                        new WorkerInfo("worker-1", "running", 25, 62.5, false),
                        new WorkerInfo("worker-2", "missing", 25, 93.0, true)),
                new Timings(start, start.plusSeconds(4), start.plusSeconds(14), start.plusSeconds(64)),
                List.of("worker-2 went missing at 41 s; its 25 users were not replaced"));
    }

    /** {@code count} response times from {@code low} to {@code high}, evenly spread. */
    public static double[] spread(int count, double low, double high) {
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = low + (high - low) * i / Math.max(1, count - 1);
        }
        return times;
    }
}
