// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records of one collection: in creation order for paging, by id, and indexed on the fields that find records
 * without a scan (email for contact sync and bulk import, and every field that refers to another record). Not
 * thread-safe: the store serializes access.
 */
final class RecordCollection {

    private final ArrayList<ObjectNode> ordered = new ArrayList<>();
    private final Map<String, ObjectNode> byId = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> indexes = new HashMap<>();
    private final Map<String, DateIndex> dates = new HashMap<>();
    private long lastId;
    private boolean idsAscending = true;
    /** Versions are unique across collections and resets, so a remembered query never matches another store. */
    private static final AtomicLong VERSIONS = new AtomicLong();

    private long version = VERSIONS.incrementAndGet();

    /** Changes with every write to the collection: what a query found stays valid while it does not. */
    long version() {
        return version;
    }

    private void touch() {
        version = VERSIONS.incrementAndGet();
    }

    /**
     * Indexes the records by a date: {@code created} by the creation field, {@code updated} by the update field or,
     * where a record has none, its creation. Set up before the first record is added.
     */
    void indexDates(String createdField, String updatedField, ZoneId zone) {
        if (createdField != null) {
            dates.put("created", new DateIndex(createdField, null, zone));
        }
        if (updatedField != null || createdField != null) {
            dates.put("updated", new DateIndex(updatedField != null ? updatedField : createdField, createdField,
                    zone));
        }
    }

    /** The index of {@code created} or {@code updated} dates, or null. */
    DateIndex dates(String which) {
        return dates.get(which);
    }

    /** The records in creation order (a view: no copy). */
    List<ObjectNode> ordered() {
        return Collections.unmodifiableList(ordered);
    }

    int size() {
        return ordered.size();
    }

    ObjectNode get(String id) {
        return byId.get(id);
    }

    /** Whether every record's id is a number above the one before it, so that creation order is id order. */
    boolean idsAscending() {
        return idsAscending;
    }

    String nextId() {
        return String.valueOf(lastId + 1);
    }

    void add(ObjectNode record) {
        touch();
        String id = record.path("id").asText();
        ObjectNode replaced = byId.put(id, record);
        if (replaced != null) {
            // a seed or import that repeats an id replaces the record in its place
            unindex(replaced);
            dates.values().forEach(index -> index.remove(replaced));
            ordered.set(positionOf(replaced), record);
        } else {
            long number = number(id);
            idsAscending &= number > lastId;
            lastId = Math.max(lastId, number);
            ordered.add(record);
        }
        index(record);
        dates.values().forEach(index -> index.add(record));
    }

    /** Sets one field, keeping the indexes right. */
    void set(ObjectNode record, String field, JsonNode value) {
        touch();
        boolean indexed = indexes.containsKey(field) || indexable(field);
        if (indexed) {
            unindex(record, field);
        }
        redate(record, field, true);
        record.set(field, value);
        redate(record, field, false);
        if (indexed) {
            index(record, field);
        }
    }

    private void redate(ObjectNode record, String field, boolean before) {
        for (DateIndex index : dates.values()) {
            if (index.covers(field)) {
                if (before) {
                    index.remove(record);
                } else {
                    index.add(record);
                }
            }
        }
    }

    /** Removes one field, keeping the indexes right. */
    void remove(ObjectNode record, String field) {
        touch();
        if (indexable(field)) {
            unindex(record, field);
        }
        redate(record, field, true);
        record.remove(field);
        redate(record, field, false);
    }

    boolean remove(String id) {
        ObjectNode record = byId.remove(id);
        if (record == null) {
            return false;
        }
        touch();
        unindex(record);
        dates.values().forEach(index -> index.remove(record));
        ordered.remove(positionOf(record));
        return true;
    }

    /** Where a record stands: by binary search on the id when ids ascend, else by identity (not deep equality). */
    private int positionOf(ObjectNode record) {
        if (idsAscending) {
            long id = number(record.path("id").asText());
            int low = 0;
            int high = ordered.size() - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                long at = number(ordered.get(middle).path("id").asText());
                if (at < id) {
                    low = middle + 1;
                } else if (at > id) {
                    high = middle - 1;
                } else {
                    return middle;
                }
            }
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i) == record) {
                return i;
            }
        }
        throw new IllegalStateException("record " + record.path("id").asText() + " is not in its collection");
    }

    /** The position of the first record whose id is above this one; only meaningful when ids ascend. */
    int firstAbove(long id) {
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (number(ordered.get(middle).path("id").asText()) <= id) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The ids of the records whose field has this value (email case-insensitively), in creation order. */
    Set<String> idsWhere(String field, String value) {
        Map<String, Set<String>> index = indexes.get(field);
        Set<String> ids = index == null ? null : index.get(key(field, value));
        return ids == null ? Set.of() : Collections.unmodifiableSet(ids);
    }

    static boolean indexable(String field) {
        return "email".equals(field) || Relations.INDEXED.contains(field);
    }

    private void index(ObjectNode record) {
        record.fieldNames().forEachRemaining(field -> {
            if (indexable(field)) {
                index(record, field);
            }
        });
    }

    private void unindex(ObjectNode record) {
        record.fieldNames().forEachRemaining(field -> {
            if (indexable(field)) {
                unindex(record, field);
            }
        });
    }

    private void index(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        if (value != null && value.isValueNode() && !value.isNull()) {
            indexes.computeIfAbsent(field, k -> new HashMap<>())
                    .computeIfAbsent(key(field, value.asText()), k -> new LinkedHashSet<>())
                    .add(record.path("id").asText());
        }
    }

    private void unindex(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        Map<String, Set<String>> index = indexes.get(field);
        if (index != null && value != null && value.isValueNode()) {
            Set<String> ids = index.get(key(field, value.asText()));
            if (ids != null) {
                ids.remove(record.path("id").asText());
            }
        }
    }

    private static String key(String field, String value) {
        return "email".equals(field) ? value.toLowerCase(Locale.ROOT) : value;
    }

    static long number(String id) {
        long value = 0;
        if (id.isEmpty() || id.length() > 18) {
            return -1;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
