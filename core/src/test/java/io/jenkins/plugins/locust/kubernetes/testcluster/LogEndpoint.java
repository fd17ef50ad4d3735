package io.jenkins.plugins.locust.kubernetes.testcluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The kubelet API's {@code GET /containerLogs/{namespace}/{pod}/{container}} over HTTPS, where the API server proxies
 * {@code pods/log}: {@code follow}, {@code timestamps}, {@code sinceTime} / {@code sinceSeconds} (second precision, as
 * the API's timestamps are, so a resumed follow repeats a little), {@code tailLines}, {@code limitBytes}. A follow ends
 * when the container stops, when the client goes away, or after the namespace's follow lifetime (streams through real
 * proxies end early too).
 */
final class LogEndpoint implements AutoCloseable {
    private final TestKubelet kubelet;
    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kubelet-logs");
        t.setDaemon(true);
        return t;
    });

    LogEndpoint(TestKubelet kubelet, SSLContext tls) throws IOException {
        this.kubelet = kubelet;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(threads);
        server.createContext("/containerLogs/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length != 5) {
                text(exchange, 404, "unknown path " + exchange.getRequestURI().getPath());
                return;
            }
            serve(
                    exchange,
                    path[2],
                    path[3],
                    path[4],
                    parse(exchange.getRequestURI().getRawQuery()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the API server closed the stream (its client went away)
        }
    }

    private void serve(HttpExchange exchange, String namespace, String podName, String container, Map<String, String> q)
            throws IOException, InterruptedException {
        Pod pod = kubelet.pod(namespace, podName);
        ContainerLog log = kubelet.existingLog(namespace, podName, container);
        if (pod == null || log == null || log.size() == 0 && !started(pod, container)) {
            text(
                    exchange,
                    400,
                    "container \"" + container + "\" in pod \"" + podName + "\" is waiting to start: "
                            + waitingReason(pod, container));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        boolean timestamps = "true".equals(q.get("timestamps"));
        Instant since = q.containsKey("sinceTime")
                ? OffsetDateTime.parse(q.get("sinceTime")).toInstant().truncatedTo(ChronoUnit.SECONDS)
                : q.containsKey("sinceSeconds")
                        ? Instant.now().minusSeconds(Long.parseLong(q.get("sinceSeconds")))
                        : Instant.EPOCH;
        long[] budget = {q.containsKey("limitBytes") ? Long.parseLong(q.get("limitBytes")) : Long.MAX_VALUE};
        List<ContainerLog.Entry> entries = log.snapshot();
        int from = 0;
        while (from < entries.size() && entries.get(from).time().isBefore(since)) {
            from++;
        }
        if (q.containsKey("tailLines")) {
            from = Math.max(from, entries.size() - Integer.parseInt(q.get("tailLines")));
        }
        int next = entries.size();
        if (!write(out, entries.subList(from, entries.size()), timestamps, budget) || !"true".equals(q.get("follow"))) {
            return;
        }
        long end =
                System.currentTimeMillis() + Math.min(kubelet.hooks(namespace).followLifetimeMillis(), 3_600_000L);
        while (System.currentTimeMillis() < end) {
            List<ContainerLog.Entry> more = log.awaitFrom(next, Math.min(500, end - System.currentTimeMillis()));
            next += more.size();
            if (!write(out, more, timestamps, budget) || more.isEmpty() && log.ended()) {
                return;
            }
        }
    }

    /** Writes the lines within the byte budget; false once the budget is spent. */
    private static boolean write(OutputStream out, List<ContainerLog.Entry> entries, boolean timestamps, long[] budget)
            throws IOException {
        StringBuilder text = new StringBuilder();
        for (ContainerLog.Entry e : entries) {
            if (timestamps) {
                text.append(e.time()).append(' ');
            }
            text.append(e.text()).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int length = (int) Math.min(bytes.length, budget[0]);
        out.write(bytes, 0, length);
        out.flush();
        budget[0] -= length;
        return budget[0] > 0;
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static boolean started(Pod pod, String container) {
        ContainerStatus status = PodStatuses.container(pod, container);
        return status != null
                && (status.getState().getRunning() != null || status.getState().getTerminated() != null);
    }

    private static String waitingReason(Pod pod, String container) {
        ContainerStatus status = pod == null || pod.getStatus() == null ? null : PodStatuses.container(pod, container);
        return status == null || status.getState().getWaiting() == null
                ? "ContainerCreating"
                : status.getState().getWaiting().getReason();
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
