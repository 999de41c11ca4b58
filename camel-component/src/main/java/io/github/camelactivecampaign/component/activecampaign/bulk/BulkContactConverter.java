// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns one contact as a route has it (a Map, a JsonNode, a JSON string, a bare email, the Contact model or any
 * POJO) into the bulk import's contact object: {@code email}, {@code first_name}, {@code last_name}, {@code phone},
 * {@code customer_acct_name}, {@code tags} (a list of names), {@code fields} ({@code [{id, value}]}),
 * {@code subscribe} and {@code unsubscribe} ({@code [{listid}]}), {@code exclude_automations}. The camelCase names of
 * the contacts API ({@code firstName}) are accepted too; fields the bulk import does not take (an id, dates, links of
 * a contact read from the service) are left out.
 */
final class BulkContactConverter {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("first_name", "first_name"), Map.entry("firstName", "first_name"),
            Map.entry("last_name", "last_name"), Map.entry("lastName", "last_name"), Map.entry("phone", "phone"),
            Map.entry("customer_acct_name", "customer_acct_name"), Map.entry("customerAcctName", "customer_acct_name"),
            Map.entry("tags", "tags"), Map.entry("fields", "fields"), Map.entry("subscribe", "subscribe"),
            Map.entry("unsubscribe", "unsubscribe"), Map.entry("exclude_automations", "exclude_automations"),
            Map.entry("excludeAutomations", "exclude_automations"));

    private final ObjectMapper mapper;
    private final Boolean excludeAutomations;

    BulkContactConverter(ObjectMapper mapper, Boolean excludeAutomations) {
        this.mapper = mapper;
        this.excludeAutomations = excludeAutomations;
    }

    /** The contact as the bulk import takes it; throws IllegalArgumentException naming what is wrong. */
    Map<String, Object> convert(Object contact) {
        Map<String, Object> given = asMap(contact);
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            String name = NAMES.get(entry.getKey());
            if (name != null && entry.getValue() != null) {
                result.put(name, value(name, entry.getValue()));
            }
        }
        if (excludeAutomations != null) {
            result.putIfAbsent("exclude_automations", excludeAutomations);
        }
        Object email = result.get("email");
        if (email == null || email.toString().isBlank()) {
            throw new IllegalArgumentException("the contact has no email");
        }
        return result;
    }

    private Map<String, Object> asMap(Object contact) {
        if (contact == null) {
            throw new IllegalArgumentException("the contact is null");
        }
        if (contact instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), value));
            return copy;
        }
        if (contact instanceof JsonNode node) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("the contact is a JSON " + node.getNodeType() + ", not an object");
            }
            return mapper.convertValue(node, MAP);
        }
        if (contact instanceof CharSequence text) {
            String trimmed = text.toString().strip();
            if (trimmed.startsWith("{")) {
                try {
                    return mapper.readValue(trimmed, MAP);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("the contact is not valid JSON (" + e.getOriginalMessage()
                                                       + ")");
                }
            }
            // a bare email
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("email", trimmed);
            return map;
        }
        try {
            return mapper.convertValue(contact, MAP);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a " + contact.getClass().getName() + " cannot be read as a contact");
        }
    }

    /** Accepts the shapes a route is likely to have: tags as "a, b", fields as {id: value}, lists as ids. */
    private static Object value(String name, Object value) {
        return switch (name) {
            case "tags" -> value instanceof CharSequence text
                    ? Arrays.stream(text.toString().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList()
                    : value;
            case "fields" -> {
                if (value instanceof Map<?, ?> byId) {
                    List<Map<String, Object>> fields = new ArrayList<>();
                    byId.forEach((id, fieldValue) -> fields.add(Map.of("id", id, "value", String.valueOf(fieldValue))));
                    yield fields;
                }
                yield value;
            }
            case "subscribe", "unsubscribe" -> {
                if (value instanceof Iterable<?> lists) {
                    List<Object> result = new ArrayList<>();
                    lists.forEach(list -> result.add(list instanceof Map ? list : Map.of("listid", list)));
                    yield result;
                }
                yield value instanceof Map ? List.of(value) : List.of(Map.of("listid", value));
            }
            default -> value;
        };
    }
}
