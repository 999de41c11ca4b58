// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The companion arrays of an answer: the records related to the answered ones. A deal's {@code contacts} are the
 * contact its {@code contact} field names; a contact's {@code deals} are the deals whose {@code contact} is it; a
 * companion related to neither comes through another companion (a contact's {@code geoAddresses} through its
 * {@code geoIps}). {@code include=contactTags.tag} adds {@code contactTags} and the {@code tags} they name.
 */
final class Sideloads {

    private final SimulatorCatalog catalog;
    private final SimulatorStore store;

    Sideloads(SimulatorCatalog catalog, SimulatorStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** The related records per companion key, in the order asked, each record once. */
    Map<String, List<ObjectNode>> resolve(String collection, List<ObjectNode> primaries, List<String> names) {
        Map<String, Map<String, ObjectNode>> found = new LinkedHashMap<>();
        List<String> indirect = new ArrayList<>();
        for (String name : names) {
            String[] path = name.split("\\.");
            String first = catalog.plural(path[0]);
            Map<String, ObjectNode> records = found.computeIfAbsent(path[0], k -> new LinkedHashMap<>());
            for (ObjectNode primary : primaries) {
                related(collection, primary, first).forEach(r -> records.putIfAbsent(r.path("id").asText(), r));
            }
            if (path.length > 1) {
                String second = catalog.plural(path[1]);
                Map<String, ObjectNode> next = found.computeIfAbsent(second, k -> new LinkedHashMap<>());
                for (ObjectNode record : List.copyOf(records.values())) {
                    related(first, record, second).forEach(r -> next.putIfAbsent(r.path("id").asText(), r));
                }
            }
            if (records.isEmpty()) {
                indirect.add(path[0]);
            }
        }
        for (String name : indirect) {
            Map<String, ObjectNode> records = found.get(name);
            found.forEach((via, viaRecords) -> {
                if (!via.equals(name)) {
                    for (ObjectNode record : List.copyOf(viaRecords.values())) {
                        forward(catalog.plural(via), record, catalog.plural(name))
                                .forEach(r -> records.putIfAbsent(r.path("id").asText(), r));
                    }
                }
            });
        }
        Map<String, List<ObjectNode>> result = new LinkedHashMap<>();
        found.forEach((name, records) -> result.put(name, List.copyOf(records.values())));
        return result;
    }

    /** Records of the target collection this record refers to, or that refer to it. */
    List<ObjectNode> related(String collection, ObjectNode record, String target) {
        List<ObjectNode> related = forward(collection, record, target);
        String id = record.path("id").asText();
        for (String field : Relations.fieldsTo(target, collection)) {
            for (ObjectNode child : store.referencing(target, field, id)) {
                if (collection.equals(Relations.target(target, field, child)) && !containsSame(related, child)) {
                    related.add(child);
                }
            }
        }
        return related;
    }

    private static boolean containsSame(List<ObjectNode> records, JsonNode record) {
        for (ObjectNode candidate : records) {
            if (candidate == record) {
                return true;
            }
        }
        return false;
    }

    /** Records of the target collection this record's fields name. */
    List<ObjectNode> forward(String collection, ObjectNode record, String target) {
        List<ObjectNode> related = new ArrayList<>();
        record.fields().forEachRemaining(e -> {
            String id = Relations.reference(e.getValue());
            if (id != null && target.equals(Relations.target(collection, e.getKey(), record))) {
                JsonNode found = store.get(target, id);
                if (found != null && !containsSame(related, found)) {
                    related.add((ObjectNode) found);
                }
            }
        });
        return related;
    }
}
