// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on a random loopback port that answers every connection with fixed bytes, whatever was sent: for
 * answers no HTTP server library would produce (a garbled header line), and to count connections, which a TLS
 * handshake that fails leaves as the only trace of an attempt.
 */
final class RawSocketServer implements AutoCloseable {

    /** What a connection gets: fixed bytes after reading the request, or a relay to another port. */
    interface Handler {
        void handle(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private RawSocketServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    socket.setSoTimeout(5_000);
                    handler.handle(socket);
                } catch (IOException e) {
                    // closed, or the client went away: nothing to answer
                }
            }
        }, "raw-socket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Reads the request head, then writes this answer and closes. */
    static RawSocketServer answering(String answer) throws IOException {
        return new RawSocketServer(socket -> {
            readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        });
    }

    /** Relays each connection's bytes both ways to a port on the loopback address, counting connections. */
    static RawSocketServer relayingTo(int port) throws IOException {
        return new RawSocketServer(socket -> {
            try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread back = new Thread(() -> copy(target, socket));
                back.setDaemon(true);
                back.start();
                copy(socket, target);
                try {
                    back.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed: the relay ends
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        for (int b; matched < end.length && (b = in.read()) >= 0;) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
