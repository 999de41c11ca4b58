// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Error answers in the service's shapes and words: {@code No Result found for Subscriber with id 1} (the service
 * names records by its own model names), 422 {@code {"errors": [{title, detail, code, source: {pointer}}]}}, 403
 * {@code {"errors": [{"status": 403, "title": "Forbidden", "detail": "You do not have permission to view lists."}]}}.
 */
final class ServiceErrors {

    /** The service's model names, as its 404 texts show them; other collections go by their record name. */
    private static final Map<String, String> MODEL_NAMES = Map.ofEntries(
            Map.entry("contacts", "Subscriber"), Map.entry("lists", "_List"),
            Map.entry("contactTags", "SubscriberTag"), Map.entry("contactDeals", "SubscriberDeal"),
            Map.entry("contactAutomations", "SubscriberSeries"), Map.entry("contactLists", "SubscriberList"),
            Map.entry("accountContacts", "CustomerAccountSubscriber"), Map.entry("accounts", "CustomerAccount"),
            Map.entry("groupMembers", "GroupDefinition"), Map.entry("configs", "ConfigResult"));

    /** Collections whose 404 is a JSON:API error rather than a message. */
    private static final List<String> ERRORS_404 = List.of("accountCustomFieldMeta", "accountCustomFieldData",
            "dealCustomFieldMeta", "dealCustomFieldData");

    private final ObjectMapper mapper;

    ServiceErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static String modelName(String collection) {
        return MODEL_NAMES.getOrDefault(collection, capitalize(SimulatorCatalog.singular(collection)));
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    SimulatorResponse notFound(String collection, String id) {
        if (ERRORS_404.contains(collection)) {
            ObjectNode body = mapper.createObjectNode();
            body.putArray("errors").addObject().put("status", 404).put("title", "Not Found");
            return SimulatorResponse.of(404, body);
        }
        if ("schemas".equals(collection) || "records".equals(collection)) {
            return SimulatorResponse.of(404, message("Not Found"));
        }
        return SimulatorResponse.of(404, message("No Result found for " + modelName(collection) + " with id " + id));
    }

    /** A contact tag for a contact that does not exist: the JSON:API form the reference shows. */
    SimulatorResponse contactNotFound() {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("errors").addObject().put("status", 404).put("title", "Not Found")
                .put("detail", "Contact not found");
        return SimulatorResponse.of(404, body);
    }

    SimulatorResponse forbidden(String permission) {
        return SimulatorResponse.of(403, permissionDenied(permission));
    }

    ObjectNode permissionDenied(String permission) {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("errors").addObject().put("status", 403).put("title", "Forbidden")
                .put("detail", "You do not have permission to " + permission + ".");
        return body;
    }

    ObjectNode error(String title, String code, String pointer) {
        ObjectNode error = mapper.createObjectNode().put("title", title).put("detail", "").put("code", code);
        error.putObject("source").put("pointer", pointer);
        return error;
    }

    /** The service's answer for a required field left out. */
    ObjectNode missing(String collection, String field) {
        return error("The " + SimulatorCatalog.singular(collection) + " " + field + " was not provided.",
                "field_missing", "/data/attributes/" + field);
    }

    SimulatorResponse unprocessable(List<? extends JsonNode> errors) {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("errors").addAll(errors);
        return SimulatorResponse.of(422, body);
    }

    SimulatorResponse unprocessable(JsonNode error) {
        return unprocessable(List.of(error));
    }

    SimulatorResponse badRequest(String text) {
        return SimulatorResponse.of(400, message(text));
    }

    ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }
}
