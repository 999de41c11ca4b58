// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small in-memory stand-in for the few ActiveCampaign operations the quickstart calls, on 127.0.0.1 and a random
 * port, so that the example runs without an account. It checks the Api-Token header like the service does.
 */
public final class LocalStub implements AutoCloseable {

    public static final String TOKEN = "local-stub-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEAL_NOTES = Pattern.compile("/api/3/deals/(\\d+)/notes");

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger(100);
    private final Map<String, Map<String, Object>> contactsByEmail = new LinkedHashMap<>();
    private final List<Map<String, Object>> deals = new ArrayList<>();
    private final List<Map<String, Object>> notes = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    private LocalStub(HttpServer server) {
        this.server = server;
    }

    public static LocalStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        LocalStub stub = new LocalStub(server);
        server.createContext("/", exchange -> {
            try {
                stub.handle(exchange);
            } catch (RuntimeException e) {
                reply(exchange, 500, Map.of("message", "The local stub failed: " + e));
            }
        });
        server.start();
        return stub;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/3";
    }

    public String trackingUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/event";
    }

    public synchronized int contactCount() {
        return contactsByEmail.size();
    }

    public synchronized int dealCount() {
        return deals.size();
    }

    public synchronized int noteCount() {
        return notes.size();
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if ("POST".equals(method) && "/event".equals(path)) {
            events.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, 200, Map.of("success", 1, "message", "Event spawned"));
            return;
        }
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Api-Token"))) {
            reply(exchange, 403, Map.of("message", "No Result found for token"));
            return;
        }
        Matcher noteOfDeal = DEAL_NOTES.matcher(path);
        if ("POST".equals(method) && "/api/3/contact/sync".equals(path)) {
            Map<String, Object> contact = new LinkedHashMap<>(envelope(exchange, "contact"));
            Map<String, Object> existing = contactsByEmail.get(String.valueOf(contact.get("email")));
            contact.put("id", existing != null ? existing.get("id") : String.valueOf(ids.incrementAndGet()));
            contactsByEmail.put(String.valueOf(contact.get("email")), contact);
            reply(exchange, existing != null ? 200 : 201, Map.of("contact", contact));
        } else if ("GET".equals(method) && "/api/3/contacts".equals(path)) {
            Map<String, String> query = query(exchange);
            int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
            long after = Long.parseLong(query.getOrDefault("id_greater", "0"));
            int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
            List<Map<String, Object>> page = contactsByEmail.values().stream()
                    .filter(c -> Long.parseLong((String) c.get("id")) > after)
                    .skip(offset).limit(limit).toList();
            reply(exchange, 200, Map.of("contacts", page,
                    "meta", Map.of("total", String.valueOf(contactsByEmail.size()))));
        } else if ("POST".equals(method) && "/api/3/deals".equals(path)) {
            Map<String, Object> deal = new LinkedHashMap<>(envelope(exchange, "deal"));
            deal.put("id", String.valueOf(ids.incrementAndGet()));
            deals.add(deal);
            reply(exchange, 201, Map.of("deal", deal));
        } else if ("POST".equals(method) && noteOfDeal.matches()) {
            Map<String, Object> note = new LinkedHashMap<>(envelope(exchange, "note"));
            note.put("id", String.valueOf(ids.incrementAndGet()));
            note.put("relid", noteOfDeal.group(1));
            notes.add(note);
            reply(exchange, 201, Map.of("note", note));
        } else {
            reply(exchange, 404, Map.of("message", "The local stub does not serve " + method + " " + path
                                                   + "; set ACTIVECAMPAIGN_API_URL to use an account"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envelope(HttpExchange exchange, String key) throws IOException {
        Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        return (Map<String, Object>) body.get(key);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
