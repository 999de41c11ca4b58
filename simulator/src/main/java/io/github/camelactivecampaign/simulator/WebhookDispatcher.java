// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The account's webhooks at work: checks what {@code POST/PUT /webhooks} registers (known events and sources, an
 * http(s) URL) and, after each API call that changed something, posts the events it caused to every webhook that
 * chose that event and source, form-encoded as the service does. Deliveries are made once, in the background, and
 * never retried; a receiver answering 410 deactivates its webhook (it stays listed but receives nothing).
 */
final class WebhookDispatcher implements AutoCloseable {

    static final String COLLECTION = "webhooks";
    static final int JOURNAL_SIZE = 10_000;

    private final ObjectMapper mapper;
    private final SimulatorStore store;
    private final WebhookEvents events;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "activecampaign-simulator-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> deactivated = ConcurrentHashMap.newKeySet();
    private final List<WebhookDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());

    WebhookDispatcher(SimulatorContext context) {
        this.mapper = context.mapper();
        this.store = context.store();
        this.events = new WebhookEvents(store, context.clock());
    }

    /** A 422 for a webhook the service would not register; null for any other request. */
    SimulatorResponse refuse(SimulatorRequest request) {
        String name = request.operation().name();
        if (!"webhooks/create".equals(name) && !"webhooks/update".equals(name)) {
            return null;
        }
        JsonNode webhook = request.json() == null ? null : request.json().path("webhook");
        if (webhook == null || !webhook.isObject()) {
            return null; // the record handlers answer a missing body
        }
        List<ObjectNode> errors = new ArrayList<>();
        JsonNode url = webhook.get("url");
        if (url != null && !url.asText().matches("(?i)https?://[^\\s/]+.*")) {
            errors.add(error("The url must be an http or https URL.", "url_invalid", "url"));
        }
        JsonNode chosen = webhook.get("events");
        if ("webhooks/create".equals(name) && (chosen == null || !chosen.isArray() || chosen.isEmpty())) {
            errors.add(error("At least one event must be provided.", "field_missing", "events"));
        }
        for (JsonNode event : chosen == null ? mapper.createArrayNode() : chosen) {
            if (!WebhookEvents.NAMES.contains(event.asText())) {
                errors.add(error("Unknown event: " + event.asText(), "event_invalid", "events"));
            }
        }
        for (JsonNode source : webhook.path("sources")) {
            if (!WebhookEvents.SOURCES.contains(source.asText())) {
                errors.add(error("Unknown source: " + source.asText(), "source_invalid", "sources"));
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        ObjectNode body = mapper.createObjectNode();
        body.putArray("errors").addAll(errors);
        return SimulatorResponse.of(422, body);
    }

    /** Runs an API call and delivers the events it caused; called with the store's lock held. */
    SimulatorResponse observe(SimulatorRequest request, Supplier<SimulatorResponse> call) {
        ObjectNode removed = events.before(request);
        SimulatorResponse response = call.get();
        if ("webhooks/create".equals(request.operation().name()) && response.status() == 201) {
            completeRegistration(response.body().path("webhook"));
        }
        for (WebhookEvents.Event event : events.caused(request, response, removed)) {
            deliver(event);
        }
        return response;
    }

    /**
     * Delivers an event the API cannot cause (sent, open, click, ...) about a contact, as caused by source; called
     * with the store's lock held.
     */
    void trigger(String type, String source, String contactId) {
        if (!WebhookEvents.NAMES.contains(type)) {
            throw new IllegalArgumentException("Unknown webhook event '" + type + "'; known: " + WebhookEvents.NAMES);
        }
        if (!WebhookEvents.SOURCES.contains(source)) {
            throw new IllegalArgumentException("Unknown webhook source '" + source + "'; known: "
                                               + WebhookEvents.SOURCES);
        }
        Map<String, String> fields = events.about(type, contactId);
        fields.put("initiated_from", source);
        deliver(new WebhookEvents.Event(type, source, fields));
    }

    /** The service answers a new webhook with its list id and empty links; sources default to every source. */
    private void completeRegistration(JsonNode webhook) {
        if (!webhook.isObject()) {
            return;
        }
        ObjectNode changes = mapper.createObjectNode();
        changes.put("listid", webhook.path("listid").asText("0"));
        if (!webhook.has("sources")) {
            ArrayNode sources = changes.putArray("sources");
            WebhookEvents.SOURCES.stream().sorted().forEach(sources::add);
        }
        if (!webhook.has("links")) {
            changes.putArray("links");
        }
        ObjectNode stored = store.update(COLLECTION, webhook.path("id").asText(), changes);
        if (stored != null) {
            ((ObjectNode) webhook).setAll(changes);
        }
    }

    private void deliver(WebhookEvents.Event event) {
        for (ObjectNode webhook : store.collection(COLLECTION).ordered()) {
            String id = webhook.path("id").asText();
            if (deactivated.contains(id) || !contains(webhook.path("events"), event.type())
                || !contains(webhook.path("sources"), event.source())) {
                continue;
            }
            String listId = webhook.path("listid").asText("0");
            if (!"0".equals(listId) && !listId.isEmpty() && !listId.equals(event.fields().get("list"))) {
                continue;
            }
            String url = webhook.path("url").asText();
            String form = encode(event.fields());
            sender.execute(() -> post(id, url, event.type(), form));
        }
    }

    private void post(String webhookId, String url, String type, String form) {
        int status;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("User-Agent", "ActiveCampaign/1.0 (simulator)")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            status = 0; // unreachable: the service does not retry either
        }
        if (status == 410) {
            deactivated.add(webhookId);
        }
        synchronized (deliveries) {
            if (deliveries.size() >= JOURNAL_SIZE) {
                deliveries.remove(0);
            }
            deliveries.add(new WebhookDelivery(webhookId, url, type, form, status));
        }
    }

    static String encode(Map<String, String> fields) {
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                                                 + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode error(String title, String code, String field) {
        ObjectNode error = mapper.createObjectNode().put("title", title).put("detail", "").put("code", code);
        error.putObject("source").put("pointer", "/data/attributes/" + field);
        return error;
    }

    List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    boolean isDeactivated(String webhookId) {
        return deactivated.contains(webhookId);
    }

    void reset() {
        deactivated.clear();
        deliveries.clear();
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
