// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback server of the per-call benchmark: answers {@code GET /api/3/contacts/1} with a fixed contact (the
 * reference's own example) over keep-alive HTTP/1.1, from bytes prepared once. A few microseconds per request, the
 * same for every client measured, so that the clients' own cost is what differs. Anything else gets 404, a wrong
 * token 403: a client that sent the wrong request fails instead of being measured.
 */
public final class ContactServer implements AutoCloseable {

    public static final String TOKEN = "benchmark-token";
    public static final String CONTACT_PATH = "/api/3/contacts/1";

    private final ServerSocket socket;
    private final byte[] contact;
    private final byte[] notFound;
    private final byte[] forbidden;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    private ContactServer() throws IOException {
        byte[] body;
        try (InputStream in = ContactServer.class.getResourceAsStream("/contact.json")) {
            if (in == null) {
                throw new IllegalStateException("contact.json is missing from the benchmarks' classpath");
            }
            body = in.readAllBytes();
        }
        this.contact = response("200 OK", body);
        this.notFound = response("404 Not Found",
                "{\"message\":\"No Result found for Subscriber with id 1\"}".getBytes(StandardCharsets.UTF_8));
        this.forbidden = response("403 Forbidden",
                "{\"message\":\"You are not authorized to access this resource\"}".getBytes(StandardCharsets.UTF_8));
        this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "contact-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ContactServer start() {
        try {
            return new ContactServer();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the loopback contact server", e);
        }
    }

    /** The account's API URL, to set as the component's baseUrl. */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/api/3";
    }

    /** The contact's URL, for the clients that build requests themselves. */
    public String contactUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + CONTACT_PATH;
    }

    /** Requests answered with the contact. */
    public long served() {
        return served.get();
    }

    /** Connections accepted: a client that keeps its connection alive opens one, not one per call. */
    public long connections() {
        return connections.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a listening socket has nothing left to report
        }
    }

    private static byte[] response(String status, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                       + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                connection.setTcpNoDelay(true);
                Thread thread = new Thread(() -> serve(connection), "contact-server");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers the requests of one keep-alive connection, one after the other, until the client closes it. */
    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            String head;
            while ((head = readHead(in)) != null) {
                skipBody(in, head);
                byte[] answer = answer(head);
                if (answer == contact) {
                    served.incrementAndGet();
                }
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private byte[] answer(String head) {
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        if (!requestLine.equals("GET " + CONTACT_PATH + " HTTP/1.1")) {
            return notFound;
        }
        return TOKEN.equals(header(head, "api-token")) ? contact : forbidden;
    }

    /** The request line and headers, up to the empty line; null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        String length = header(head, "content-length");
        if (length != null) {
            in.skipNBytes(Long.parseLong(length.strip()));
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
