package io.jenkins.plugins.locust.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host on 127.0.0.1 that accepts every connection and never answers: requests without a timeout hang. */
public final class SilentHost implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentHost(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::accept, "silent-host");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SilentHost start() throws IOException {
        return new SilentHost(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted (and left unanswered) so far. */
    public int connections() {
        return held.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
