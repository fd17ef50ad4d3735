package io.jenkins.plugins.locust.jenkins.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of the test cluster's API server: the connection of the "controller" that dies in
 * a restart test. {@link #cut()} drops every connection and refuses new ones, as a JVM that ends does: the engine of
 * that controller can no longer reach the cluster, so it can neither follow nor delete the run.
 */
final class CuttableProxy implements AutoCloseable {
    private final ServerSocket server;
    private final URI target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    CuttableProxy(String targetUrl) throws IOException {
        this.target = URI.create(targetUrl);
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "proxy accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The API server URL through this relay. */
    String url() {
        return target.getScheme() + "://127.0.0.1:" + server.getLocalPort();
    }

    void cut() throws IOException {
        cut = true;
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept() {
        while (!cut) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                return; // cut
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // the other side or cut() closed it
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "proxy pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
