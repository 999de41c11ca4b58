// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process, stateful double of one ActiveCampaign account: the v3 API under {@code /api/3} (every operation of
 * the component's catalog), event tracking at {@code /event}, the Api-Token check and the account's rate limit.
 * Built on the JDK's own HTTP server, so it needs nothing beyond Jackson and starts in milliseconds.
 *
 * <pre>
 * try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.start()) {
 *     context.getPropertiesComponent().addInitialProperty("camel.component.activecampaign.baseUrl", simulator.baseUrl());
 *     ...
 * }
 * </pre>
 */
public final class ActiveCampaignSimulator implements AutoCloseable {

    public static final String DEFAULT_TOKEN = "simulator-token";
    public static final String DEFAULT_TRACKING_ACCOUNT_ID = "1000";
    public static final String DEFAULT_TRACKING_KEY = "simulator-event-key";
    static final String API = "/api/3";
    static final int JOURNAL_SIZE = 10_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SimulatorCatalog catalog = SimulatorCatalog.get();
    private final SimulatorClock clock;
    private final SimulatorStore store;
    private final ApiHandlers handlers;
    private final WebhookDispatcher webhooks;
    private final BulkImportQueue bulkImports;
    private final String token;
    private final String trackingAccountId;
    private final String trackingKey;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Deque<Long> recentRequests = new ArrayDeque<>();
    private final List<RecordedRequest> journal = Collections.synchronizedList(new ArrayList<>());
    private volatile double rateLimit;

    static {
        // without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // about 40 ms per request instead of under 1 ms. Read once, when the JDK server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private ActiveCampaignSimulator(Builder builder) throws IOException {
        this.token = builder.token;
        this.trackingAccountId = builder.trackingAccountId;
        this.trackingKey = builder.trackingKey;
        this.rateLimit = builder.rateLimit;
        this.clock = new SimulatorClock(builder.zone);
        this.store = new SimulatorStore(mapper, clock);
        this.handlers = new ApiHandlers(mapper, store, clock);
        this.webhooks = new WebhookDispatcher(mapper, store, clock);
        this.bulkImports = new BulkImportQueue(mapper, store, clock, new BulkImportLimits(builder.bulkMultiCalls,
                builder.bulkSingleCalls, builder.bulkWindow), builder.bulkCompletion);
        this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 64);
        this.executor = Executors.newFixedThreadPool(builder.threads, runnable -> {
            Thread thread = new Thread(runnable, "activecampaign-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A simulator on 127.0.0.1, a free port, the default token and the real 5 requests/second limit. */
    public static ActiveCampaignSimulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The account's API URL, e.g. http://127.0.0.1:41234/api/3: set it as the component's baseUrl. */
    public String baseUrl() {
        return "http://" + host() + ":" + port() + API;
    }

    /** Where event tracking posts go: set it as the component's trackingUrl. */
    public String trackingUrl() {
        return "http://" + host() + ":" + port() + "/event";
    }

    public String token() {
        return token;
    }

    public String trackingAccountId() {
        return trackingAccountId;
    }

    public String trackingKey() {
        return trackingKey;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    public SimulatorClock clock() {
        return clock;
    }

    /** Requests per second over which the simulator answers 429; 0 or less turns the limit off. */
    public void setRateLimit(double requestsPerSecond) {
        this.rateLimit = requestsPerSecond;
    }

    /** Forgets every record, fault, setting and journal entry, and goes back to the system clock. */
    public void reset() {
        bulkImports.reset(); // first: a batch being imported finishes before the store is cleared
        store.clear();
        handlers.reset();
        synchronized (faults) {
            faults.clear();
        }
        synchronized (recentRequests) {
            recentRequests.clear();
        }
        journal.clear();
        clock.reset();
        webhooks.reset();
    }

    /**
     * Adds records: {@code {"contacts": [{"id": "1", "email": "a@example.com"}], "deals": [...]}}. Records keep the
     * ids and dates they are given.
     */
    public void seed(String json) {
        try {
            store.seed(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Seed data is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void seed(InputStream json) {
        try {
            store.seed(mapper.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the next {@code count} API requests fail this way. */
    public void failNext(int count, Fault fault) {
        synchronized (faults) {
            for (int i = 0; i < count; i++) {
                faults.add(fault);
            }
        }
    }

    /** Cancels the faults not yet used. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** Every request received since the start or the last reset, oldest first (the last 10,000). */
    public List<RecordedRequest> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** The requests received for one operation, e.g. {@code deals/create}. */
    public List<RecordedRequest> journal(String operation) {
        return journal().stream().filter(r -> operation.equals(r.operation())).toList();
    }

    /** The records of a collection ({@code contacts}, {@code deals}, {@code notes}, {@code activities}, ...). */
    public List<Map<String, Object>> records(String collection) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (ObjectNode record : store.all(collection)) {
            records.add(mapper.convertValue(record, Map.class));
        }
        return records;
    }

    /** Appends a tracking log entry to a contact, as a tracked event or site visit would. */
    public Map<String, Object> trackEvent(String contactId, String event, String data) {
        return mapper.convertValue(store.trackingLog(contactId, "event", event, data), Map.class);
    }

    /**
     * The webhook deliveries made since the start or the last reset, oldest first (the last 10,000). Deliveries
     * happen in the background, shortly after the API call that caused them.
     */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /**
     * Delivers an event that API calls cannot cause (a campaign {@code sent}, {@code open}, {@code click},
     * {@code bounce}, ...) about a contact to the webhooks that chose it, as caused by {@code source}
     * ({@code public}, {@code admin}, {@code api} or {@code system}).
     */
    public void triggerWebhookEvent(String type, String source, String contactId) {
        webhooks.trigger(type, source, contactId);
    }

    /** Whether a webhook was deactivated by its receiver answering 410. */
    public boolean isWebhookDeactivated(String webhookId) {
        return webhooks.isDeactivated(webhookId);
    }

    /** How long an accepted bulk import batch stays queued before it is imported. */
    public void setBulkImportCompletion(Duration delay) {
        bulkImports.setCompletion(delay);
    }

    /** Bulk import calls refused for going over the bulk import's call limits since the start or the last reset. */
    public long bulkImportRefusals() {
        return bulkImports.refusedCalls();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhooks.close();
        bulkImports.close();
    }

    // ---- HTTP

    /** Answer of a dropped connection: nothing is sent. */
    private static final SimulatorResponse DROP = SimulatorResponse.of(0, null);

    private void serve(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rawPath = exchange.getRequestURI().getRawPath();
        Map<String, List<String>> query = parseForm(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        String operation = null;
        SimulatorResponse response;
        try {
            if ("/event".equals(rawPath) && "POST".equals(method)) {
                operation = "eventTracking/track";
                response = trackEvent(parseForm(body));
            } else if (rawPath.startsWith(API + "/")) {
                SimulatorCatalog.Match match = catalog.match(method, rawPath.substring(API.length()));
                operation = match == null ? null : match.operation().name();
                response = serveApi(exchange, match, rawPath, query, body);
            } else {
                response = SimulatorResponse.of(404, handlers.message("Not found: " + rawPath + "; the API is under "
                                                                      + API));
            }
        } catch (RuntimeException e) {
            response = SimulatorResponse.of(500, handlers.message("Simulator error: " + e));
        }
        // journal first: a client may send its next request as soon as it has this answer
        record(exchange, rawPath, query, body, response.status(), operation);
        if (response == DROP) {
            exchange.close();
        } else {
            reply(exchange, response);
        }
    }

    private SimulatorResponse serveApi(HttpExchange exchange, SimulatorCatalog.Match match, String rawPath,
                                       Map<String, List<String>> query, String body) {
        if (!token.equals(exchange.getRequestHeaders().getFirst("Api-Token"))) {
            return SimulatorResponse.of(403, handlers.message("You are not authorized to access this resource"));
        }
        if (overRateLimit()) {
            return new SimulatorResponse(429, handlers.message("Rate limit exceeded"), Map.of("Retry-After", "1"));
        }
        Fault fault;
        synchronized (faults) {
            fault = faults.poll();
        }
        if (fault != null) {
            if (fault.dropsConnection()) {
                return DROP;
            }
            if (!fault.delay().isZero()) {
                sleep(fault.delay().toMillis());
            }
            if (fault.status() > 0) {
                Map<String, String> headers = fault.retryAfterSeconds() == null ? Map.of()
                        : Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds()));
                return new SimulatorResponse(fault.status(), handlers.message("Injected fault: HTTP " + fault.status()),
                        headers);
            }
        }
        if (match == null) {
            String path = rawPath.substring(API.length());
            boolean known = catalog.servesPath(path);
            return SimulatorResponse.of(known ? 405 : 404, handlers.message((known ? "Method not allowed: "
                    : "No such endpoint: ") + exchange.getRequestMethod() + " " + rawPath));
        }
        JsonNode json = null;
        if (!body.isBlank()) {
            try {
                json = mapper.readTree(body);
            } catch (JsonProcessingException e) {
                return SimulatorResponse.of(400, handlers.message("Invalid JSON: " + e.getOriginalMessage()));
            }
        }
        SimulatorRequest request = new SimulatorRequest(match.operation(), match.pathParams(), query, json);
        if (bulkImports.serves(request.operation().name())) {
            return bulkImports.handle(request, body.getBytes(StandardCharsets.UTF_8).length);
        }
        SimulatorResponse decided = webhooks.intercept(request);
        return decided != null ? decided : webhooks.observe(request, () -> handlers.handle(request));
    }

    private SimulatorResponse trackEvent(Map<String, List<String>> form) {
        String actid = first(form, "actid");
        String key = first(form, "key");
        String event = first(form, "event");
        if (!trackingAccountId.equals(actid) || !trackingKey.equals(key)) {
            return SimulatorResponse.of(200, mapper.createObjectNode().put("success", 0)
                    .put("message", "Invalid actid or key"));
        }
        if (event == null || event.isBlank() || event.length() > 32) {
            return SimulatorResponse.of(200, mapper.createObjectNode().put("success", 0)
                    .put("message", "event must be 1 to 32 characters"));
        }
        String email = null;
        String visit = first(form, "visit");
        if (visit != null) {
            try {
                email = mapper.readTree(visit).path("email").asText(null);
            } catch (JsonProcessingException e) {
                return SimulatorResponse.of(200, mapper.createObjectNode().put("success", 0)
                        .put("message", "visit is not JSON"));
            }
        }
        ObjectNode contact = email == null ? null : store.findBy("contacts", "email", email);
        if (contact != null) {
            store.trackingLog(contact.path("id").asText(), "event", event, first(form, "eventdata"));
        }
        return SimulatorResponse.of(200, mapper.createObjectNode().put("success", 1)
                .put("message", "Event spawned"));
    }

    private boolean overRateLimit() {
        double limit = rateLimit;
        if (limit <= 0) {
            return false;
        }
        long now = System.nanoTime();
        synchronized (recentRequests) {
            while (!recentRequests.isEmpty() && now - recentRequests.peekFirst() >= TimeUnit.SECONDS.toNanos(1)) {
                recentRequests.pollFirst();
            }
            if (recentRequests.size() >= limit) {
                return true;
            }
            recentRequests.addLast(now);
            return false;
        }
    }

    private void reply(HttpExchange exchange, SimulatorResponse response) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void record(HttpExchange exchange, String rawPath, Map<String, List<String>> query, String body,
                        int status, String operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        synchronized (journal) {
            if (journal.size() >= JOURNAL_SIZE) {
                journal.remove(0);
            }
            journal.add(new RecordedRequest(exchange.getRequestMethod(), rawPath, query, headers, body, status,
                    operation));
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

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Settings of a simulator to start. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String token = DEFAULT_TOKEN;
        private String trackingAccountId = DEFAULT_TRACKING_ACCOUNT_ID;
        private String trackingKey = DEFAULT_TRACKING_KEY;
        private double rateLimit = 5;
        private ZoneId zone = ZoneId.of("America/Chicago");
        private int threads = 8;
        private int bulkMultiCalls = 100;
        private int bulkSingleCalls = 20;
        private Duration bulkWindow = Duration.ofMinutes(1);
        private Duration bulkCompletion = BulkImportQueue.DEFAULT_COMPLETION;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) takes a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to bind; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder tracking(String accountId, String key) {
            this.trackingAccountId = accountId;
            this.trackingKey = key;
            return this;
        }

        /** Requests per second before 429 (the service allows 5); 0 turns the limit off. */
        public Builder rateLimit(double requestsPerSecond) {
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /** The account's time zone, in which dates are written. */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * The bulk import's call limits: calls carrying several contacts and calls carrying one, per window (the
         * service: 100 and 20 a minute). A shorter window scales the limits up for tests and benchmarks.
         */
        public Builder bulkImportLimits(int multiContactCalls, int singleContactCalls, Duration window) {
            this.bulkMultiCalls = multiContactCalls;
            this.bulkSingleCalls = singleContactCalls;
            this.bulkWindow = window;
            return this;
        }

        /** How long an accepted bulk import batch stays queued before it is imported (200 ms by default). */
        public Builder bulkImportCompletion(Duration delay) {
            this.bulkCompletion = delay;
            return this;
        }

        public ActiveCampaignSimulator start() {
            try {
                return new ActiveCampaignSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the ActiveCampaign simulator on " + host + ":" + port, e);
            }
        }
    }
}
