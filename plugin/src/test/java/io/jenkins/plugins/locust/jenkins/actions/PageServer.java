package io.jenkins.plugins.locust.jenkins.actions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Serves pages as Jenkins would on 127.0.0.1: fixed bodies per path (the plugin's script, ECharts, HTML) and JSON
 * produced on each request by the actions' real methods, all under Jenkins' own content security policy.
 */
final class PageServer implements AutoCloseable {
    /** The policy Jenkins core sends for its pages (script only from itself, no inline script). */
    static final String JENKINS_UI_CSP = "base-uri 'none'; default-src 'self'; form-action 'self'; "
            + "frame-ancestors 'self'; img-src 'self' data:; script-src 'report-sample' 'self'; "
            + "style-src 'report-sample' 'self' 'unsafe-inline'";

    private record Body(String contentType, Supplier<byte[]> bytes) {}

    private final HttpServer server;
    private final Map<String, Body> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    PageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    PageServer route(String path, String contentType, Supplier<byte[]> bytes) {
        routes.put(path, new Body(contentType, bytes));
        return this;
    }

    PageServer json(String path, Supplier<JsonResponse> response) {
        return route(path, "application/json", () -> response.get().body().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A path answered with 204 No Content: the browser requests it but stays on its page (headless Chromium's
     * virtual time does not survive a real navigation, so a test of where a link goes uses this).
     */
    PageServer noContent(String path) {
        return route(path, "text/plain", () -> null);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query == null ? path : path + "?" + query);
        exchange.getResponseHeaders().add("Content-Security-Policy", JENKINS_UI_CSP);
        Body body = routes.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.bytes().get();
        if (bytes == null) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", body.contentType() + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
