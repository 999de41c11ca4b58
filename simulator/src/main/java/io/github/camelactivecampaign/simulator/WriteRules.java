// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the service refuses on a write: a body without its envelope, required fields left out (422
 * {@code field_missing}), a second contact with the same email or account with the same name (422
 * {@code duplicate}), and a relation to a contact, deal, list, tag or account that does not exist (404).
 */
final class WriteRules {

    /** Fields a create must carry, per collection, as the service's 422 answers name them. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "contacts", List.of("email"),
            "deals", List.of("title", "value", "currency"),
            "notes", List.of("note"),
            "tags", List.of("tag"),
            "lists", List.of("name"),
            "accounts", List.of("name"),
            "fieldValues", List.of("contact", "field", "value"),
            "contactTags", List.of("contact", "tag"),
            "contactDeals", List.of("contact", "deal"),
            "webhooks", List.of("name", "url"));

    private final SimulatorStore store;
    private final ServiceErrors errors;

    WriteRules(SimulatorStore store, ServiceErrors errors) {
        this.store = store;
        this.errors = errors;
    }

    /**
     * The record in a request body: the object under the operation's envelope key ({@code {"contact": {...}}}), or
     * for an operation without one the body itself (unwrapped when it holds just the record's key). Null when the
     * envelope is missing.
     */
    static ObjectNode envelope(SimulatorOperation operation, JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        String key = operation.bodyKey();
        if (key != null) {
            JsonNode inner = json.get(key);
            return inner != null && inner.isObject() ? ((ObjectNode) inner).deepCopy() : null;
        }
        String resultKey = operation.resultKey();
        if (json.size() == 1 && resultKey != null && json.path(resultKey).isObject()) {
            return ((ObjectNode) json.get(resultKey)).deepCopy();
        }
        return ((ObjectNode) json).deepCopy();
    }

    /** The 422 for a write without its envelope. */
    SimulatorResponse noEnvelope(SimulatorOperation operation) {
        String key = operation.bodyKey() != null ? operation.bodyKey() : operation.resultKey();
        ObjectNode error = errors.error("The " + key + " was not provided.", "field_missing", "/data/attributes");
        error.put("detail", "Send the fields wrapped in {\"" + key + "\": {...}} as application/json");
        return errors.unprocessable(error);
    }

    /** Null when the service would accept the write, else its answer. {@code id} is null for a create. */
    SimulatorResponse check(String collection, ObjectNode fields, String id) {
        if (id == null) {
            List<JsonNode> missing = new ArrayList<>();
            for (String field : REQUIRED.getOrDefault(collection, List.of())) {
                if (!fields.hasNonNull(field) || fields.get(field).asText().isBlank()) {
                    missing.add(missing(collection, field));
                }
            }
            if (!missing.isEmpty()) {
                return errors.unprocessable(missing);
            }
        }
        SimulatorResponse duplicate = duplicate(collection, fields, id);
        return duplicate != null ? duplicate : relations(collection, fields);
    }

    private JsonNode missing(String collection, String field) {
        if ("contactTags".equals(collection)) {
            ObjectNode error = errors.error("Missing attribute", null, "/data/attributes/" + field);
            error.remove("code");
            error.remove("detail");
            error.put("status", 422);
            return error;
        }
        return errors.missing(collection, field);
    }

    private SimulatorResponse duplicate(String collection, ObjectNode fields, String id) {
        if ("contacts".equals(collection) && fields.hasNonNull("email")) {
            ObjectNode other = store.findBy("contacts", "email", fields.get("email").asText());
            if (other != null && !other.path("id").asText().equals(id)) {
                return errors.unprocessable(errors.error("Email address already exists in the system",
                        "duplicate", "/data/attributes/email"));
            }
        }
        if ("accounts".equals(collection) && fields.hasNonNull("name")) {
            String name = fields.get("name").asText();
            for (ObjectNode account : store.collection("accounts").ordered()) {
                if (name.equalsIgnoreCase(account.path("name").asText()) && !account.path("id").asText().equals(id)) {
                    return errors.unprocessable(errors.error("An account named \"" + name
                            + "\" already exists. Please choose a new name.", "duplicate", "/data/attributes/name"));
                }
            }
        }
        return null;
    }

    /** A relation to a record that does not exist is refused, not stored. */
    SimulatorResponse relations(String collection, ObjectNode fields) {
        Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String target = Relations.target(collection, entry.getKey(), fields);
            String id = Relations.reference(entry.getValue());
            if (target != null && id != null && Relations.enforced(target) && store.get(target, id) == null) {
                return "contactTags".equals(collection) && "contacts".equals(target) ? errors.contactNotFound()
                        : errors.notFound(target, id);
            }
        }
        return null;
    }
}
