package io.jenkins.plugins.locust.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load test target on 127.0.0.1 that counts what it served, so tests compare Locust's numbers with the truth.
 * {@code /fast} answers at once, {@code /slow} after {@link #SLOW_DELAY}, {@code /flaky} fails every
 * {@link #FLAKY_EVERY}th request with 500, {@code /fail} always fails with 500; anything else is a 404.
 * Reused by the CLI and Kubernetes ITs through core's test-jar.
 */
public final class TestTarget implements AutoCloseable {
    public static final Duration SLOW_DELAY = Duration.ofMillis(50);
    public static final int FLAKY_EVERY = 4;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    private TestTarget(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free port of 127.0.0.1. */
    public static TestTarget start() throws IOException {
        return new TestTarget(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128));
    }

    /** A URL on 127.0.0.1 where nothing listens (connections are refused). */
    public static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests served on this path (all methods), failed ones included. */
    public long requests(String path) {
        return counter(requests, path).get();
    }

    /** Requests answered with an error status on this path. */
    public long failures(String path) {
        return counter(failures, path).get();
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long totalFailures() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        long count = counter(requests, path).incrementAndGet();
        int status =
                switch (path) {
                    case "/fast" -> 200;
                    case "/slow" -> {
                        pause();
                        yield 200;
                    }
                    case "/flaky" -> count % FLAKY_EVERY == 0 ? 500 : 200;
                    case "/fail" -> 500;
                    default -> 404;
                };
        if (status >= 400) {
            counter(failures, path).incrementAndGet();
        }
        byte[] body = (status == 200 ? "ok\n" : "error " + status + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(SLOW_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static AtomicLong counter(Map<String, AtomicLong> counters, String path) {
        return counters.computeIfAbsent(path, p -> new AtomicLong());
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
