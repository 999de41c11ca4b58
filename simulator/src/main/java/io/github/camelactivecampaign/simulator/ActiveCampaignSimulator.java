// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process, stateful double of one ActiveCampaign account: the v3 API under {@code /api/3} (every operation of
 * the component's catalog, answered in the shapes of the service's reference examples), event tracking at
 * {@code /event}, the Api-Token check and the account's rate limit. Built on the JDK's own HTTP server, so it needs
 * nothing beyond Jackson and starts in milliseconds.
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

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SimulatorClock clock;
    private final SimulatorContext context;
    private final Router router;
    private final WebhookDispatcher webhooks;
    private final BulkImportQueue imports;
    private final EventTrackingEndpoint tracking;
    private final RateLimit rateLimit;
    private final HttpFront front;
    private final String token;
    private final String trackingAccountId;
    private final String trackingKey;

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
        this.clock = new SimulatorClock(builder.zone);
        this.context = SimulatorContext.create(mapper, clock);
        this.webhooks = new WebhookDispatcher(context);
        this.imports = new BulkImportQueue(context, new BulkImportLimits(builder.bulkMultiCalls,
                builder.bulkSingleCalls, builder.bulkWindow), builder.bulkCompletion);
        this.router = new Router(context, webhooks, imports);
        this.tracking = new EventTrackingEndpoint(context, trackingAccountId, trackingKey);
        this.rateLimit = new RateLimit(builder.rateLimit);
        this.front = new HttpFront(context, router, tracking, token, rateLimit);
        this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 64);
        this.executor = Executors.newFixedThreadPool(builder.threads, runnable -> {
            Thread thread = new Thread(runnable, "activecampaign-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", front);
        server.start();
        context.shaper().baseUrl(baseUrl());
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
        return "http://" + host() + ":" + port() + HttpFront.API;
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
        rateLimit.set(requestsPerSecond);
    }

    /**
     * Forgets every record, fault, denied permission, setting and journal entry, and goes back to the system clock.
     * The account keeps its admin, user 1.
     */
    public void reset() {
        synchronized (context.store()) {
            context.store().clear();
            router.reset();
            imports.reset();
        }
        webhooks.reset();
        front.clearFaults();
        rateLimit.clear();
        front.journal().clear();
        clock.reset();
    }

    /**
     * Adds records: {@code {"contacts": [{"id": "1", "email": "a@example.com"}], "deals": [...]}}. Records keep the
     * ids and dates they are given; values are typed as the service types them.
     */
    public void seed(String json) {
        try {
            seedTree(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Seed data is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void seed(InputStream json) {
        try {
            seedTree(mapper.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seedTree(com.fasterxml.jackson.databind.JsonNode data) {
        synchronized (context.store()) {
            context.store().seed(data);
        }
    }

    /** Makes the next {@code count} API requests fail this way. */
    public void failNext(int count, Fault fault) {
        front.fail(count, fault);
    }

    /**
     * Answers every operation of a resource ({@code lists}, {@code deals}, ...) with the service's permission 403
     * ({@code "You do not have permission to view lists."} for {@code denyPermission("lists", "view lists")}) until
     * {@link #clearFaults()} or {@link #reset()}: the API user lacks that permission.
     */
    public void denyPermission(String apiName, String permission) {
        front.deny(apiName, permission);
    }

    /** Cancels the faults not yet used and the denied permissions. */
    public void clearFaults() {
        front.clearFaults();
    }

    /** Every request received since the start or the last reset, oldest first (the last 10,000). */
    public List<RecordedRequest> journal() {
        return front.journal().all();
    }

    /** The requests received for one operation, e.g. {@code deals/create}. */
    public List<RecordedRequest> journal(String operation) {
        return journal().stream().filter(r -> operation.equals(r.operation())).toList();
    }

    /**
     * The records of a collection ({@code contacts}, {@code deals}, {@code notes}, {@code activities}, ...), as the
     * service would answer them.
     */
    public List<Map<String, Object>> records(String collection) {
        synchronized (context.store()) {
            return context.shaper().records(collection);
        }
    }

    /** Appends a tracking log entry to a contact, as a tracked event or site visit would. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> trackEvent(String contactId, String event, String data) {
        synchronized (context.store()) {
            return mapper.convertValue(tracking.trackingLog(contactId, "event", event, data), Map.class);
        }
    }

    /** Serves a request without the wire (no token, rate limit or journal): for operations not yet in the catalog. */
    SimulatorResponse route(SimulatorRequest request) {
        synchronized (context.store()) {
            return router.route(request);
        }
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
        synchronized (context.store()) {
            webhooks.trigger(type, source, contactId);
        }
    }

    /** Whether a webhook was deactivated by its receiver answering 410. */
    public boolean isWebhookDeactivated(String webhookId) {
        return webhooks.isDeactivated(webhookId);
    }

    /** How long an accepted bulk import batch stays queued before it is imported. */
    public void setBulkImportCompletion(Duration delay) {
        imports.setCompletion(delay);
    }

    /** Bulk import calls refused for going over the bulk import's call limits since the start or the last reset. */
    public long bulkImportRefusals() {
        return imports.refusedCalls();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhooks.close();
        imports.close();
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
