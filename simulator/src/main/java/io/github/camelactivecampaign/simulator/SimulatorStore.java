// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The account's records, in memory: one ordered map of records per collection ({@code contacts}, {@code deals},
 * {@code notes}, ...), ids assigned per collection as the service does (numbers, sent as strings). Creating and
 * updating contacts, deals and notes appends activities, as the service's activity stream does.
 */
final class SimulatorStore {

    static final String ACTIVITIES = "activities";
    static final String TRACKING_LOGS = "trackingLogs";

    private final ObjectMapper mapper;
    private final SimulatorClock clock;
    private final Map<String, LinkedHashMap<String, ObjectNode>> collections = new HashMap<>();
    private final Map<String, Long> lastIds = new HashMap<>();

    SimulatorStore(ObjectMapper mapper, SimulatorClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    synchronized void clear() {
        collections.clear();
        lastIds.clear();
    }

    synchronized List<ObjectNode> all(String collection) {
        return new ArrayList<>(collection(collection).values());
    }

    synchronized int count(String collection) {
        return collection(collection).size();
    }

    synchronized ObjectNode get(String collection, String id) {
        return collection(collection).get(id);
    }

    /** Stores a new record: assigns the id (unless seeded with one) and the creation and update dates. */
    synchronized ObjectNode create(String collection, ObjectNode fields) {
        ObjectNode record = fields.deepCopy();
        String id = record.hasNonNull("id") ? record.get("id").asText() : String.valueOf(nextId(collection));
        lastIds.merge(collection, parse(id), Math::max);
        record.put("id", id);
        String now = clock.timestamp();
        if (!record.hasNonNull("cdate")) {
            record.put("cdate", now);
        }
        record.put(updateField(collection), record.path(updateField(collection)).asText(now));
        collection(collection).put(id, record);
        recordActivity(collection, record, "create");
        return record;
    }

    synchronized ObjectNode update(String collection, String id, ObjectNode changes) {
        ObjectNode record = collection(collection).get(id);
        if (record == null) {
            return null;
        }
        changes.fields().forEachRemaining(e -> {
            if (!"id".equals(e.getKey())) {
                record.set(e.getKey(), e.getValue());
            }
        });
        record.put(updateField(collection), clock.timestamp());
        recordActivity(collection, record, "update");
        return record;
    }

    synchronized boolean delete(String collection, String id) {
        return collection(collection).remove(id) != null;
    }

    synchronized ObjectNode findBy(String collection, String field, String value) {
        for (ObjectNode record : collection(collection).values()) {
            if (value.equalsIgnoreCase(record.path(field).asText(null))) {
                return record;
            }
        }
        return null;
    }

    /** A tracking log entry for a contact (event tracking, site tracking). */
    synchronized ObjectNode trackingLog(String contactId, String type, String value, String data) {
        ObjectNode log = mapper.createObjectNode();
        log.put("contact", contactId);
        log.put("subscriberid", contactId);
        log.put("type", type);
        log.put("value", value);
        if (data != null) {
            log.put("data", data);
        }
        log.put("tstamp", clock.timestamp());
        return createQuietly(TRACKING_LOGS, log);
    }

    /** Seeds the store from {"collection": [records...], ...}; records keep their ids and dates. */
    synchronized void seed(JsonNode data) {
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> collection = fields.next();
            for (JsonNode record : collection.getValue()) {
                if (!record.isObject()) {
                    throw new IllegalArgumentException("Seed data for " + collection.getKey()
                                                       + " must be an array of objects");
                }
                createQuietly(collection.getKey(), (ObjectNode) record);
            }
        }
    }

    private ObjectNode createQuietly(String collection, ObjectNode fields) {
        ObjectNode record = fields.deepCopy();
        String id = record.hasNonNull("id") ? record.get("id").asText() : String.valueOf(nextId(collection));
        lastIds.merge(collection, parse(id), Math::max);
        record.put("id", id);
        collection(collection).put(id, record);
        return record;
    }

    private void recordActivity(String collection, ObjectNode record, String action) {
        String contact = switch (collection) {
            case "contacts" -> record.path("id").asText();
            case "deals", "contactTags", "contactLists", "fieldValues" -> record.path("contact").asText(null);
            case "notes" -> noteContact(record);
            default -> null;
        };
        if (contact == null) {
            return;
        }
        ObjectNode activity = mapper.createObjectNode();
        activity.put("contact", contact);
        activity.put("reference_type", referenceType(collection));
        activity.put("reference_id", record.path("id").asText());
        activity.put("reference_action", action);
        activity.put("userid", "1");
        activity.put("tstamp", clock.timestamp());
        createQuietly(ACTIVITIES, activity);
    }

    private String noteContact(ObjectNode note) {
        String relid = note.path("relid").asText(null);
        if ("Deal".equals(note.path("reltype").asText())) {
            ObjectNode deal = get("deals", relid);
            return deal == null ? null : deal.path("contact").asText(null);
        }
        return "Subscriber".equals(note.path("reltype").asText()) ? relid : null;
    }

    private static String referenceType(String collection) {
        return switch (collection) {
            case "contacts" -> "Subscriber";
            case "deals" -> "Deal";
            case "notes" -> "Note";
            case "contactTags" -> "ContactTag";
            case "contactLists" -> "ContactList";
            default -> "FieldValue";
        };
    }

    /** Contacts carry udate, deals mdate, the others udate. */
    static String updateField(String collection) {
        return "deals".equals(collection) ? "mdate" : "udate";
    }

    private long nextId(String collection) {
        return lastIds.getOrDefault(collection, 0L) + 1;
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private LinkedHashMap<String, ObjectNode> collection(String name) {
        return collections.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }
}
