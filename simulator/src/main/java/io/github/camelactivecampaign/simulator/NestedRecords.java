// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records written inside another one: a contact sent with {@code "fieldValues": [{"field": "1", "value": "..."}]}
 * gets fieldValue records (one per field), an order sent with {@code orderProducts} and {@code orderDiscounts} gets
 * product and discount records. The parent then lists their ids in that field and its answer sideloads them. The
 * custom field entries of an account or deal ({@code "fields": [...]}) name their record ({@code accountId}).
 */
final class NestedRecords {

    /** A parent's field that holds child records, the children's collection and their field naming the parent. */
    record Nesting(String collection, String field, String children, String parentField, String uniqueBy) {
    }

    private static final List<Nesting> NESTINGS = List.of(
            new Nesting("contacts", "fieldValues", "fieldValues", "contact", "field"),
            new Nesting("ecomOrders", "orderProducts", "ecomOrderProducts", "orderid", null),
            new Nesting("ecomOrders", "orderDiscounts", "ecomOrderDiscounts", "orderid", null));

    private static final Map<String, String> FIELD_ENTRY_OWNERS = Map.of("accounts", "accountId", "deals", "dealId");

    private final SimulatorStore store;

    NestedRecords(SimulatorStore store) {
        this.store = store;
    }

    static Nesting nesting(String collection, String field) {
        for (Nesting nesting : NESTINGS) {
            if (nesting.collection().equals(collection) && nesting.field().equals(field)) {
                return nesting;
            }
        }
        return null;
    }

    /** Takes the nested records out of a parent's fields (they become records of their own). */
    static Map<Nesting, JsonNode> extract(String collection, ObjectNode fields) {
        Map<Nesting, JsonNode> extracted = new LinkedHashMap<>();
        for (Nesting nesting : NESTINGS) {
            JsonNode children = fields.get(nesting.field());
            if (nesting.collection().equals(collection) && children != null && children.isArray()
                && children.size() > 0 && children.get(0).isObject()) {
                extracted.put(nesting, fields.remove(nesting.field()));
            }
        }
        return extracted;
    }

    /** Stores the extracted records under their parent; a unique one (a contact's field) is updated in place. */
    void store(String parentId, Map<Nesting, JsonNode> extracted) {
        extracted.forEach((nesting, children) -> {
            if (nesting.uniqueBy() == null) {
                for (ObjectNode old : store.referencing(nesting.children(), nesting.parentField(), parentId)) {
                    store.delete(nesting.children(), old.path("id").asText());
                }
            }
            for (JsonNode child : children) {
                if (child.isObject()) {
                    upsert(nesting, parentId, ((ObjectNode) child).deepCopy());
                }
            }
        });
    }

    private void upsert(Nesting nesting, String parentId, ObjectNode fields) {
        fields.put(nesting.parentField(), parentId);
        String key = nesting.uniqueBy() == null ? null : fields.path(nesting.uniqueBy()).asText(null);
        if (key != null) {
            for (ObjectNode existing : store.referencing(nesting.children(), nesting.parentField(), parentId)) {
                if (key.equals(existing.path(nesting.uniqueBy()).asText())) {
                    store.update(nesting.children(), existing.path("id").asText(), fields);
                    return;
                }
            }
        }
        fields.remove("id");
        store.create(nesting.children(), fields);
    }

    /** An account's or deal's custom field entries name it: {@code "fields": [{..., "accountId": "1"}]}. */
    static void nameFieldEntries(String collection, ObjectNode record) {
        String owner = FIELD_ENTRY_OWNERS.get(collection);
        if (owner != null && record.path("fields").isArray()) {
            for (JsonNode entry : record.get("fields")) {
                if (entry.isObject()) {
                    ((ObjectNode) entry).put(owner, record.path("id").asText());
                }
            }
        }
    }
}
