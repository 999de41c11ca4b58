// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The account's records, in memory, one {@link RecordCollection} per collection. Ids are assigned per collection as
 * the service does (numbers, sent as strings); values are stored typed as the service reads them back; the creation
 * and update dates are the ones the resource carries (a contact's cdate and udate, an account's createdTimestamp).
 * Not thread-safe: the simulator serves one request at a time against it.
 */
final class SimulatorStore {

    private final ServiceModel model;
    private final SimulatorClock clock;
    private final Map<String, RecordCollection> collections = new HashMap<>();

    SimulatorStore(ServiceModel model, SimulatorClock clock) {
        this.model = model;
        this.clock = clock;
    }

    void clear() {
        collections.clear();
    }

    RecordCollection collection(String name) {
        return collections.computeIfAbsent(name, k -> {
            RecordCollection records = new RecordCollection();
            ResourceShape shape = model.resource(name);
            records.indexDates(shape.createdField(), shape.updatedField(), clock.zone());
            return records;
        });
    }

    ObjectNode get(String collection, String id) {
        RecordCollection records = collections.get(collection);
        return records == null || id == null ? null : records.get(id);
    }

    /** Stores a new record: assigns the id (unless given one), types its values, dates it. */
    ObjectNode create(String collection, ObjectNode fields) {
        RecordCollection records = collection(collection);
        ResourceShape shape = model.resource(collection);
        ServiceDefaults.apply(this, collection, fields);
        ObjectNode record = fields.objectNode();
        String id = Relations.reference(fields.get("id"));
        record.put("id", id != null ? id : records.nextId());
        fields.fields().forEachRemaining(e -> {
            String name = name(shape, e.getKey());
            if (!"id".equals(name) && !unset(shape, name, e.getValue())) {
                record.set(name, Coercion.stored(shape.kind(name), e.getValue()));
            }
        });
        String now = clock.timestamp();
        if (shape.createdField() != null && !record.hasNonNull(shape.createdField())) {
            record.put(shape.createdField(), format(shape, shape.createdField(), now));
        }
        if (shape.updatedField() != null && !record.hasNonNull(shape.updatedField())) {
            record.put(shape.updatedField(), format(shape, shape.updatedField(), now));
        }
        records.add(record);
        return record;
    }

    /** Sets the changed fields (never the id) and the update date; null when there is no such record. */
    ObjectNode update(String collection, String id, ObjectNode changes) {
        RecordCollection records = collections.get(collection);
        ObjectNode record = records == null ? null : records.get(id);
        if (record == null) {
            return null;
        }
        ResourceShape shape = model.resource(collection);
        changes.fields().forEachRemaining(e -> {
            String name = name(shape, e.getKey());
            if (unset(shape, name, e.getValue())) {
                records.remove(record, name);
            } else if (!"id".equals(name)) {
                records.set(record, name, Coercion.stored(shape.kind(name), e.getValue()));
            }
        });
        if (shape.updatedField() != null) {
            records.set(record, shape.updatedField(), record.textNode(format(shape, shape.updatedField(),
                    clock.timestamp())));
        }
        return record;
    }

    boolean delete(String collection, String id) {
        RecordCollection records = collections.get(collection);
        return records != null && records.remove(id);
    }

    /** The first record whose field has this value (email case-insensitively); indexed fields need no scan. */
    ObjectNode findBy(String collection, String field, String value) {
        RecordCollection records = collections.get(collection);
        if (records == null || value == null) {
            return null;
        }
        if (RecordCollection.indexable(field)) {
            Set<String> ids = records.idsWhere(field, value);
            return ids.isEmpty() ? null : records.get(ids.iterator().next());
        }
        for (ObjectNode record : records.ordered()) {
            if (value.equals(record.path(field).asText(null))) {
                return record;
            }
        }
        return null;
    }

    /** The records of a collection whose field refers to this id (a contact's deals: deals whose contact is 7). */
    List<ObjectNode> referencing(String collection, String field, String id) {
        RecordCollection records = collections.get(collection);
        List<ObjectNode> found = new ArrayList<>();
        if (records != null) {
            for (String childId : records.idsWhere(field, id)) {
                found.add(records.get(childId));
            }
        }
        return found;
    }

    /** Collection names seeds used before custom objects got their own (the path prefix then named them). */
    private static final Map<String, String> SEED_ALIASES = Map.of("customObjects/schemas", "schemas",
            "customObjects/records", "records");

    /** Seeds the store from {"collection": [records...], ...}; records keep their ids and dates. */
    void seed(JsonNode data) {
        if (!data.isObject()) {
            throw new IllegalArgumentException("Seed data must be an object of collections: {\"contacts\": [...]}");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> collection = fields.next();
            if (!collection.getValue().isArray()) {
                throw new IllegalArgumentException("Seed data for " + collection.getKey()
                                                   + " must be an array of objects");
            }
            for (JsonNode record : collection.getValue()) {
                if (!record.isObject()) {
                    throw new IllegalArgumentException("Seed data for " + collection.getKey()
                                                       + " must be an array of objects");
                }
                create(SEED_ALIASES.getOrDefault(collection.getKey(), collection.getKey()), (ObjectNode) record);
            }
        }
    }

    /** A null for a field the service never leaves null ("percent": null) means its default. */
    private static boolean unset(ResourceShape shape, String name, JsonNode value) {
        FieldShape field = shape.fields().get(name);
        return value.isNull() && field != null && !field.neutral().isNull();
    }

    /**
     * The field a request's name sets: requests may name fields in snake case ({@code company_name},
     * {@code address_1}) that the service answers in camel case ({@code companyName}, {@code address1}).
     */
    private static String name(ResourceShape shape, String requested) {
        if (requested.indexOf('_') < 0 || shape.fields().containsKey(requested)) {
            return requested;
        }
        StringBuilder camel = new StringBuilder(requested.length());
        boolean upper = false;
        for (char c : requested.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = camel.toString();
        return shape.fields().containsKey(name) ? name : requested;
    }

    /** The clock's time in the date style the resource's example shows for that field. */
    private String format(ResourceShape shape, String field, String offsetTimestamp) {
        FieldShape date = shape.fields().get(field);
        if (date == null || date.date() == null || date.date() == Dates.Style.OFFSET) {
            return offsetTimestamp;
        }
        return Dates.format(clock.now(), date.date(), clock.zone());
    }
}
