package io.jenkins.plugins.locust.kubernetes.testcluster;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small HTTPS front before the real API server, as a load balancer would be: it passes every request through byte
 * for byte (one request per connection, WebSocket upgrades included) over its own TLS connection to the API server.
 * Being the run's only way in, it records every call (what RBAC least privilege is measured on), answers chosen calls
 * with errors, and cuts watches and log streams as real networks do.
 */
final class ApiFront implements AutoCloseable {
    private final int upstreamPort;
    private final ApiFaults faults;
    private final SSLSocketFactory upstreamTls;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "api-front");
        t.setDaemon(true);
        return t;
    });
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();
    private final Map<Socket, ApiCall> streams = new ConcurrentHashMap<>();

    ApiFront(int upstreamPort, ApiFaults faults, Pki pki) throws IOException {
        this.upstreamPort = upstreamPort;
        this.faults = faults;
        this.upstreamTls = pki.clientContext().getSocketFactory();
        this.server = pki.serverContext()
                .getServerSocketFactory()
                .createServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    void clearCalls() {
        calls.clear();
    }

    /** Cuts the open watches and log streams that match, as a load balancer's idle timeout would. */
    int drop(Predicate<ApiCall> which) {
        int dropped = 0;
        for (Map.Entry<Socket, ApiCall> e : streams.entrySet()) {
            if (which.test(e.getValue())) {
                closeQuietly(e.getKey());
                dropped++;
            }
        }
        return dropped;
    }

    /** How many watches (or log follows) are open on the matching calls. */
    int openStreams(Predicate<ApiCall> which) {
        return (int) streams.values().stream().filter(which).count();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String target = requestLine[1];
            int q = target.indexOf('?');
            ApiCall call = new ApiCall(
                    requestLine[0], q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1));
            calls.add(call);
            OutputStream out = client.getOutputStream();
            int status = faults.statusFor(call);
            if (status > 0) {
                writeError(out, status);
            } else {
                forward(client, in, lines, call);
            }
        } catch (IOException e) {
            // The client or the front went away: nothing to answer.
        } finally {
            streams.remove(client);
        }
    }

    private void forward(Socket client, InputStream in, String[] lines, ApiCall call) throws IOException {
        boolean upgrade = false;
        StringBuilder head = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(Locale.ROOT);
            upgrade |= lower.startsWith("upgrade:");
            if (!lower.startsWith("connection:") && !lower.startsWith("keep-alive:")) {
                head.append(lines[i]).append("\r\n");
            }
        }
        // One request per connection, so that a later request on it (a log) comes back to this front.
        head.append(upgrade ? "Connection: Upgrade\r\n" : "Connection: close\r\n")
                .append("\r\n");
        try (SSLSocket upstream =
                (SSLSocket) upstreamTls.createSocket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            SSLParameters verify = upstream.getSSLParameters();
            verify.setEndpointIdentificationAlgorithm("HTTPS");
            upstream.setSSLParameters(verify);
            if (upgrade || call.isWatch() || "log".equals(call.subresource())) {
                streams.put(client, call);
            }
            OutputStream up = upstream.getOutputStream();
            up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.flush();
            threads.execute(() -> {
                try {
                    in.transferTo(up);
                } catch (IOException e) {
                    // upstream closed first
                } finally {
                    closeQuietly(upstream);
                }
            });
            try {
                upstream.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException e) {
                // the client or a drop closed the connection
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    static void writeError(OutputStream out, int status) throws IOException {
        String reason = status >= 500 ? "InternalError" : status == 404 ? "NotFound" : "BadRequest";
        writeStatus(out, status, reason, "injected fault: the API server answered " + status);
    }

    static void writeStatus(OutputStream out, int status, String reason, String message) throws IOException {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
                + message.replace("\"", "\\\"") + "\",\"reason\":\"" + reason + "\",\"code\":" + status + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        streams.keySet().forEach(ApiFront::closeQuietly);
        threads.shutdownNow();
    }
}
