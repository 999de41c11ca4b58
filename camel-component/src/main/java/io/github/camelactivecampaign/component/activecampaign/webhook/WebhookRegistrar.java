// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one webhook registered per consumer through the API: finds the webhook by its name, reuses it as it is,
 * updates it when the URL, events, sources or list changed (a new secret), creates it when there is none, and
 * removes any duplicate of the same name; so a restart never adds a second webhook. Only webhooks of exactly that
 * name are touched.
 */
final class WebhookRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);

    /** What a consumer registers. */
    record Registration(String name, String url, List<String> events, List<String> sources, String listId) {
    }

    private final ActiveCampaignEndpoint endpoint;

    WebhookRegistrar(ActiveCampaignEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The events the account's webhooks can choose (GET /webhook/events). */
    List<String> knownEvents() {
        JsonNode answer = call(new ActiveCampaignRequest("webhooks/events", "GET", "/webhook/events",
                Map.of("limit", List.of("100")), null, null));
        List<String> events = new ArrayList<>();
        answer.path("webhookEvents").forEach(event -> events.add(event.asText()));
        return events;
    }

    /** Registers the webhook (or reuses or updates the one of that name); its id. */
    String register(Registration wanted) {
        List<JsonNode> mine = new ArrayList<>();
        JsonNode listed = call(new ActiveCampaignRequest("webhooks/list", "GET", "/webhooks",
                Map.of("filters[name]", List.of(wanted.name()), "limit", List.of("100")), null, null));
        for (JsonNode webhook : listed.path("webhooks")) {
            if (wanted.name().equals(webhook.path("name").asText())) {
                mine.add(webhook);
            }
        }
        String id;
        if (mine.isEmpty()) {
            id = call(new ActiveCampaignRequest("webhooks/create", "POST", "/webhooks", Map.of(), body(wanted),
                    "application/json")).path("webhook").path("id").asText();
            LOG.info("Registered ActiveCampaign webhook {} ({}) for {}", id, wanted.name(), wanted.events());
        } else {
            JsonNode current = mine.get(0);
            id = current.path("id").asText();
            if (same(current, wanted)) {
                LOG.info("Reusing ActiveCampaign webhook {} ({})", id, wanted.name());
            } else {
                call(new ActiveCampaignRequest("webhooks/update", "PUT", "/webhooks/" + ActiveCampaignRequest.encode(id),
                        Map.of(), body(wanted), "application/json"));
                LOG.info("Updated ActiveCampaign webhook {} ({}) for {}", id, wanted.name(), wanted.events());
            }
            for (JsonNode duplicate : mine.subList(1, mine.size())) {
                remove(duplicate.path("id").asText());
            }
        }
        return id;
    }

    /** Removes a webhook; a failure is logged, as the route stops anyway. */
    void remove(String id) {
        try {
            call(new ActiveCampaignRequest("webhooks/delete", "DELETE", "/webhooks/" + ActiveCampaignRequest.encode(id),
                    Map.of(), null, null));
            LOG.info("Removed ActiveCampaign webhook {}", id);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove ActiveCampaign webhook {}: {}. Remove it under Settings > Developer > Webhooks "
                     + "or it keeps posting to a route that stopped", id, e.getMessage());
        }
    }

    private static boolean same(JsonNode current, Registration wanted) {
        // the registered URL holds the secret: compared as it is, never logged
        return wanted.url().equals(current.path("url").asText())
               && new HashSet<>(wanted.events()).equals(texts(current.path("events")))
               && new HashSet<>(wanted.sources()).equals(texts(current.path("sources")))
               && Objects.equals(wanted.listId() == null ? "0" : wanted.listId(), current.path("listid").asText("0"));
    }

    private static HashSet<String> texts(JsonNode array) {
        HashSet<String> texts = new HashSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private String body(Registration wanted) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("name", wanted.name());
        webhook.put("url", wanted.url());
        webhook.put("events", wanted.events());
        webhook.put("sources", wanted.sources());
        if (wanted.listId() != null) {
            webhook.put("listid", wanted.listId());
        }
        try {
            return endpoint.getObjectMapper().writeValueAsString(Map.of("webhook", webhook));
        } catch (JsonProcessingException e) {
            throw new RuntimeCamelException(e);
        }
    }

    private JsonNode call(ActiveCampaignRequest request) {
        return endpoint.getObjectMapper().valueToTree(endpoint.call(request));
    }
}
