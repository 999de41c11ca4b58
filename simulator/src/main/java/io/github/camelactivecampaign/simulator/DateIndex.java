// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records of a collection by the second of one of their dates (the update date, or the creation date where a
 * record has none), so that {@code filters[updated_after]} finds its records without a scan: all of them when the
 * bound is before every record (the feed's first poll), a few when it is recent (every later poll).
 */
final class DateIndex {

    private final String field;
    private final String fallback;
    private final ZoneId zone;
    private final TreeMap<Long, Set<String>> ids = new TreeMap<>();
    private final Map<String, Long> seconds = new HashMap<>();

    DateIndex(String field, String fallback, ZoneId zone) {
        this.field = field;
        this.fallback = fallback;
        this.zone = zone;
    }

    /** Whether a change of this field moves a record in the index. */
    boolean covers(String name) {
        return name.equals(field) || name.equals(fallback);
    }

    void add(ObjectNode record) {
        String id = record.path("id").asText();
        long second = Dates.parse(date(record), zone).getEpochSecond();
        seconds.put(id, second);
        ids.computeIfAbsent(second, k -> new LinkedHashSet<>()).add(id);
    }

    void remove(ObjectNode record) {
        String id = record.path("id").asText();
        Long second = seconds.remove(id);
        Set<String> at = second == null ? null : ids.get(second);
        if (at != null) {
            at.remove(id);
            if (at.isEmpty()) {
                ids.remove(second);
            }
        }
    }

    private String date(ObjectNode record) {
        JsonNode date = record.get(field);
        if (date != null && !date.isNull()) {
            return date.asText();
        }
        JsonNode other = fallback == null ? null : record.get(fallback);
        return other == null ? "" : other.asText();
    }

    /** How many records are dated at or after the second (before it when {@code before}). */
    int count(long second, boolean before) {
        int count = 0;
        for (Set<String> at : range(second, before).values()) {
            count += at.size();
        }
        return count;
    }

    /** The ids of the records dated at or after the second (before it when {@code before}). */
    List<String> ids(long second, boolean before) {
        List<String> found = new ArrayList<>();
        range(second, before).values().forEach(found::addAll);
        return found;
    }

    private NavigableMap<Long, Set<String>> range(long second, boolean before) {
        return before ? ids.headMap(second, false) : ids.tailMap(second, true);
    }
}
