import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small shop to load test, run as a single-file program: {@code java examples/target/DemoTarget.java --port 0}.
 * Serves on 127.0.0.1 only and prints {@code DemoTarget listening on http://127.0.0.1:PORT} once it accepts requests.
 *
 * <pre>
 *   GET  /               fast
 *   GET  /api/products   about 20 ms
 *   GET  /api/cart       about 80 ms (POST adds an item, same latency)
 *   POST /api/checkout   about 30 ms; every 20th request fails with 500 (5 %, deterministic so tests can count)
 *   GET  /stats          its own request counts as JSON, to compare with what Locust measured
 * </pre>
 *
 * Stops on SIGTERM, or when its standard input reaches end of file (so it never outlives the script that started
 * it), unless started with {@code --ignore-stdin}.
 */
public final class DemoTarget {
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final AtomicLong checkouts = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = 0;
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--ignore-stdin" -> watchStdin = false;
                default -> {
                    System.err.println("usage: java DemoTarget.java [--port N] [--ignore-stdin]");
                    System.exit(2);
                }
            }
        }
        new DemoTarget().serve(port, watchStdin);
    }

    private void serve(int port, boolean watchStdin) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        // Slow endpoints sleep, so each request needs its own thread.
        ExecutorService pool = Executors.newFixedThreadPool(64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            pool.shutdownNow();
        }));
        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                drain(System.in);
                stop.countDown();
            });
            watcher.setDaemon(true);
            watcher.start();
        }
        String address = "http://127.0.0.1:" + server.getAddress().getPort();
        warmUp(address);
        System.out.println("DemoTarget listening on " + address);
        System.out.flush();
        stop.await();
        System.exit(0);
    }

    /**
     * A few requests to itself before announcing the port, so the first measured requests do not pay for class
     * loading and thread start-up; the counters start from zero afterwards.
     */
    private void warmUp(String address) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 40; i++) {
            for (String path : new String[] {"/", "/api/products", "/api/cart", "/api/checkout"}) {
                if (i < 3 || path.equals("/")) {
                    client.send(
                            HttpRequest.newBuilder(URI.create(address + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
        }
        requests.clear();
        failures.clear();
        checkouts.set(0);
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Only the end of input matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone: stop as well.
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            exchange.getRequestBody().readAllBytes();
            if (path.equals("/stats")) {
                respond(exchange, 200, statsJson());
                return;
            }
            count(requests, method + " " + path);
            Response response = route(method, path);
            if (response.status() >= 400) {
                count(failures, method + " " + path);
            }
            respond(exchange, response.status(), response.body());
        }
    }

    private record Response(int status, String body) {}

    private Response route(String method, String path) {
        switch (path) {
            case "/" -> {
                return new Response(200, "{\"shop\":\"demo\"}");
            }
            case "/api/products" -> {
                pause(20);
                return new Response(200, "[{\"id\":1,\"name\":\"lamp\"},{\"id\":2,\"name\":\"chair\"}]");
            }
            case "/api/cart" -> {
                pause(80);
                return new Response(200, method.equals("POST") ? "{\"added\":true}" : "{\"items\":[1]}");
            }
            case "/api/checkout" -> {
                pause(30);
                boolean fail = checkouts.incrementAndGet() % 20 == 0;
                return fail
                        ? new Response(500, "{\"error\":\"payment service unavailable\"}")
                        : new Response(200, "{\"order\":\"ok\"}");
            }
            default -> {
                return new Response(404, "{\"error\":\"not found\"}");
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void count(Map<String, AtomicLong> counters, String key) {
        counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private String statsJson() {
        long total = requests.values().stream().mapToLong(AtomicLong::get).sum();
        long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
        return "{\"requests\":" + total + ",\"failures\":" + failed + ",\"by_endpoint\":" + json(requests)
                + ",\"failures_by_endpoint\":" + json(failures) + "}";
    }

    private static String json(Map<String, AtomicLong> counters) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(counters).forEach((key, value) -> {
            out.append(out.length() > 1 ? "," : "").append('"').append(key).append("\":").append(value.get());
        });
        return out.append('}').toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
