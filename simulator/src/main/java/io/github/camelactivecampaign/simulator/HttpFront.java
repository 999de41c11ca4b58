// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The simulator on the wire: checks the Api-Token, holds the rate limit, plays injected faults and denied
 * permissions, insists on JSON for writes, journals every request, and hands the rest to the {@link Router} (one
 * request at a time against the store) or to event tracking.
 */
final class HttpFront implements HttpHandler {

    static final String API = "/api/3";

    /** Answer of a dropped connection: nothing is sent. */
    private static final SimulatorResponse DROP = SimulatorResponse.of(0, null);

    private final SimulatorContext context;
    private final Router router;
    private final EventTrackingEndpoint tracking;
    private final String token;
    private final RateLimit rateLimit;
    private final Journal journal = new Journal();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, String> deniedPermissions = new ConcurrentHashMap<>();

    HttpFront(SimulatorContext context, Router router, EventTrackingEndpoint tracking, String token,
              RateLimit rateLimit) {
        this.context = context;
        this.router = router;
        this.tracking = tracking;
        this.token = token;
        this.rateLimit = rateLimit;
    }

    Journal journal() {
        return journal;
    }

    void fail(int count, Fault fault) {
        synchronized (faults) {
            for (int i = 0; i < count; i++) {
                faults.add(fault);
            }
        }
    }

    void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
        deniedPermissions.clear();
    }

    /** Every operation of the resource answers 403 for this missing permission, until reset. */
    void deny(String apiName, String permission) {
        deniedPermissions.put(apiName, permission);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        String rawPath = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> query = parseForm(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        String operation = null;
        SimulatorResponse response;
        try {
            if ("/event".equals(rawPath) && "POST".equals(method)) {
                operation = "eventTracking/track";
                synchronized (context.store()) {
                    response = tracking.track(parseForm(body));
                }
            } else if (rawPath.startsWith(API + "/")) {
                SimulatorCatalog.Match match = context.catalog().match(method, rawPath.substring(API.length()));
                operation = match == null ? null : match.operation().name();
                response = api(exchange, match, rawPath, query, body, raw.length);
            } else {
                response = SimulatorResponse.of(404, context.errors().message("Not found: " + rawPath
                                                                              + "; the API is under " + API));
            }
        } catch (IllegalArgumentException e) {
            response = context.errors().badRequest(e.getMessage());
        } catch (RuntimeException e) {
            response = SimulatorResponse.of(500, context.errors().message("Simulator error: " + e));
        }
        // journal first: a client may send its next request as soon as it has this answer
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        journal.add(new RecordedRequest(method, rawPath, query, headers, body, response.status(), operation));
        if (response == DROP) {
            exchange.close();
        } else {
            reply(exchange, response);
        }
    }

    private SimulatorResponse api(HttpExchange exchange, SimulatorCatalog.Match match, String rawPath,
                                  Map<String, List<String>> query, String body, int bytes) {
        if (!token.equals(exchange.getRequestHeaders().getFirst("Api-Token"))) {
            return SimulatorResponse.of(403, context.errors().message("You are not authorized to access this "
                                                                      + "resource"));
        }
        if (rateLimit.exceeded()) {
            return new SimulatorResponse(429, context.errors().message("Rate limit exceeded"),
                    Map.of("Retry-After", "1"));
        }
        SimulatorResponse faulted = fault();
        if (faulted != null) {
            return faulted;
        }
        if (match == null) {
            boolean known = context.catalog().servesPath(rawPath.substring(API.length()));
            return SimulatorResponse.of(known ? 405 : 404, context.errors().message((known ? "Method not allowed: "
                    : "No such endpoint: ") + exchange.getRequestMethod() + " " + rawPath));
        }
        String denied = deniedPermissions.get(match.operation().apiName());
        if (denied != null) {
            return context.errors().forbidden(denied);
        }
        JsonNode json = null;
        if (!body.isBlank()) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
                return SimulatorResponse.of(415, context.errors().message("The body must be JSON: send "
                        + "Content-Type: application/json (got " + type + ")"));
            }
            try {
                json = context.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                return context.errors().badRequest("Invalid JSON: " + e.getOriginalMessage());
            }
        }
        SimulatorRequest request = new SimulatorRequest(match.operation(), match.pathParams(), query, json, bytes);
        synchronized (context.store()) {
            return router.route(request);
        }
    }

    /** The next injected fault's answer, null to serve the request (after its delay, if any). */
    private SimulatorResponse fault() {
        Fault fault;
        synchronized (faults) {
            fault = faults.poll();
        }
        if (fault == null) {
            return null;
        }
        if (fault.dropsConnection()) {
            return DROP;
        }
        if (!fault.delay().isZero()) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.permission() != null) {
            return context.errors().forbidden(fault.permission());
        }
        if (fault.status() > 0) {
            Map<String, String> headers = fault.retryAfterSeconds() == null ? Map.of()
                    : Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds()));
            return new SimulatorResponse(fault.status(), context.errors().message("Injected fault: HTTP "
                                                                                  + fault.status()), headers);
        }
        return null;
    }

    private void reply(HttpExchange exchange, SimulatorResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = response.plainText() ? response.body().asText().getBytes(StandardCharsets.UTF_8)
                : context.mapper().writeValueAsBytes(response.body());
        if (!response.plainText()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }
}
