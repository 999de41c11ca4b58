// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts into the simulator the records an operation of the contract test needs: the record its path names, the
 * records its request refers to, the related records its answer's companion arrays show. A record is seeded from its
 * collection's create request example (with unique emails and names), and whatever it refers to is seeded too.
 */
final class ContractSeeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEPTH = 3;

    private final ActiveCampaignSimulator simulator;
    private final SimulatorCatalog catalog;
    private final Map<String, ObjectNode> samples;
    private final Map<String, ObjectNode> seeded = new HashMap<>();
    private int next = 100;

    /** @param samples per collection, the fields of its create request example (or of its example record) */
    ContractSeeder(ActiveCampaignSimulator simulator, SimulatorCatalog catalog, Map<String, ObjectNode> samples) {
        this.simulator = simulator;
        this.catalog = catalog;
        this.samples = samples;
    }

    /** Seeds a new record of the collection with these fields added; its id. */
    String create(String collection, ObjectNode extra) {
        String id = String.valueOf(next++);
        ObjectNode record = sample(collection, id, DEPTH);
        if (extra != null) {
            record.setAll(extra);
        }
        put(collection, record);
        return id;
    }

    String create(String collection) {
        return create(collection, null);
    }

    /** Makes sure a record with this id exists. */
    void ensure(String collection, String id) {
        ensure(collection, id, DEPTH);
    }

    private void ensure(String collection, String id, int depth) {
        if (depth < 0 || seeded.containsKey(collection + "/" + id) || "users".equals(collection) && "1".equals(id)) {
            return;
        }
        ObjectNode record = sample(collection, id, depth);
        put(collection, record);
    }

    /** The fields a seeded record was given. */
    ObjectNode record(String collection, String id) {
        return seeded.get(collection + "/" + id);
    }

    /** Sets a field on a seeded record (seeding it again with the same id replaces it). */
    void set(String collection, String id, String field, String value) {
        ObjectNode record = seeded.get(collection + "/" + id).deepCopy();
        record.put(field, value);
        put(collection, record);
    }

    /** Makes sure every record the fields refer to exists. */
    void ensureReferences(String collection, ObjectNode fields) {
        ensureReferences(collection, fields, DEPTH);
    }

    private void ensureReferences(String collection, ObjectNode fields, int depth) {
        Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String target = Relations.target(collection, entry.getKey(), fields);
            String id = Relations.reference(entry.getValue());
            if (target != null && id != null) {
                ensure(target, id, depth - 1);
            }
        }
    }

    /**
     * Relates a record of the companion collection to a record, as the answer's companion array would show it: the
     * record it refers to, or a new one that refers to it. Returns the related record's id (null when the two are
     * not related).
     */
    String relate(String collection, String id, String companion) {
        String target = catalog.plural(companion);
        ObjectNode record = seeded.get(collection + "/" + id);
        for (String field : Relations.fieldsTo(collection, target)) {
            String reference = record == null ? null : Relations.reference(record.get(field));
            if (reference != null && target.equals(Relations.target(collection, field, record))) {
                ensure(target, reference);
                return reference;
            }
        }
        List<String> back = Relations.fieldsTo(target, collection);
        if (!back.isEmpty()) {
            ObjectNode extra = JSON.createObjectNode().put(back.get(0), id);
            if ("relid".equals(back.get(0))) {
                extra.put("reltype", Relations.reltype(collection));
            }
            return create(target, extra);
        }
        List<String> forward = Relations.fieldsTo(collection, target);
        if (record != null && !forward.isEmpty()) {
            String related = create(target);
            set(collection, id, forward.get(0), related);
            return related;
        }
        return null;
    }

    private ObjectNode sample(String collection, String id, int depth) {
        ObjectNode sample = samples.containsKey(collection) ? samples.get(collection).deepCopy()
                : JSON.createObjectNode();
        sample.put("id", id);
        for (String field : WriteRules.REQUIRED.getOrDefault(collection, List.of())) {
            if (!sample.hasNonNull(field)) {
                sample.put(field, Relations.target(collection, field, sample) != null ? "1" : "seeded " + field);
            }
        }
        switch (collection) {
            case "contacts" -> {
                sample.put("email", "seed" + id + "@example.com");
            }
            case "accounts" -> sample.put("name", "Seeded account " + id);
            case "users" -> sample.put("username", "seed" + id).put("email", "user" + id + "@example.com");
            default -> {
            }
        }
        // records written inside another one are records of their own, not seeded inside it
        List<String> nested = new ArrayList<>();
        sample.fieldNames().forEachRemaining(field -> {
            if (NestedRecords.nesting(collection, field) != null) {
                nested.add(field);
            }
        });
        sample.remove(nested);
        ensureReferences(collection, sample, depth);
        return sample;
    }

    private void put(String collection, ObjectNode record) {
        seeded.put(collection + "/" + record.path("id").asText(), record);
        ObjectNode data = JSON.createObjectNode();
        data.putArray(collection).add(record);
        simulator.seed(data.toString());
    }
}
