package io.jenkins.plugins.locust.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serves one folder on 127.0.0.1 with Jenkins' default content security policy on every response. */
final class CspFileServer implements AutoCloseable {
    /** What Jenkins sends for archived files and reports unless an administrator relaxes it. */
    static final String JENKINS_DEFAULT_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    CspFileServer(Path folder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(folder, exchange));
        server.start();
    }

    String url(String file) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + file;
    }

    /** The paths requested so far, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(Path folder, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        Path file = folder.resolve(path.substring(1)).normalize();
        exchange.getResponseHeaders().add("Content-Security-Policy", JENKINS_DEFAULT_CSP);
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        exchange.getResponseHeaders()
                .add("Content-Type", name.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
