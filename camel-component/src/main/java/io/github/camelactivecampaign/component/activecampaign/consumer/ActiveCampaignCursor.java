// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a consumer has got to: the time of the last delivered record and the ids delivered at exactly that time
 * (the service's time filters are coarse, so every poll overlaps the last one and these ids are skipped), plus
 * the ids of delivered records that had no readable date. Immutable; {@link #after} gives the next one.
 */
final class ActiveCampaignCursor {

    /** Undated ids kept at most; the oldest are forgotten first. */
    static final int MAX_UNDATED = 10_000;

    private final Instant time;
    private final Set<String> idsAtTime;
    private final Set<String> undatedIds;
    /** For feeds that page by id (new contacts): the last id delivered. */
    private final long lastId;

    ActiveCampaignCursor(Instant time, Set<String> idsAtTime, Set<String> undatedIds, long lastId) {
        this.time = time;
        this.idsAtTime = Set.copyOf(idsAtTime);
        this.undatedIds = new LinkedHashSet<>(undatedIds);
        this.lastId = lastId;
    }

    static ActiveCampaignCursor at(Instant time) {
        return new ActiveCampaignCursor(time, Set.of(), Set.of(), 0);
    }

    static ActiveCampaignCursor afterId(long id) {
        return new ActiveCampaignCursor(null, Set.of(), Set.of(), id);
    }

    long lastId() {
        return lastId;
    }

    /** The cursor once the record with this id has been delivered by a feed that pages by id. */
    ActiveCampaignCursor afterId(String id) {
        return new ActiveCampaignCursor(time, idsAtTime, undatedIds, Math.max(lastId, Long.parseLong(id)));
    }

    Instant time() {
        return time;
    }

    /** Whether a record at this time (null: undated) with this id comes after the cursor. */
    boolean isNew(Instant recordTime, String id) {
        if (recordTime == null) {
            return !undatedIds.contains(id);
        }
        if (time == null) {
            return true;
        }
        int order = recordTime.compareTo(time);
        return order > 0 || order == 0 && !idsAtTime.contains(id);
    }

    /** The cursor once this record has been delivered. */
    ActiveCampaignCursor after(Instant recordTime, String id) {
        if (recordTime == null) {
            Set<String> undated = new LinkedHashSet<>(undatedIds);
            undated.add(id);
            while (undated.size() > MAX_UNDATED) {
                undated.remove(undated.iterator().next());
            }
            return new ActiveCampaignCursor(time, idsAtTime, undated, lastId);
        }
        if (time != null && recordTime.equals(time)) {
            Set<String> ids = new LinkedHashSet<>(idsAtTime);
            ids.add(id);
            return new ActiveCampaignCursor(time, ids, undatedIds, lastId);
        }
        return new ActiveCampaignCursor(recordTime, Set.of(id), undatedIds, lastId);
    }

    String toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("time", time == null ? null : time.toString());
        idsAtTime.forEach(node.putArray("ids")::add);
        undatedIds.forEach(node.putArray("undated")::add);
        node.put("lastId", lastId);
        return node.toString();
    }

    static ActiveCampaignCursor fromJson(ObjectMapper mapper, String json) {
        try {
            JsonNode node = mapper.readTree(json);
            Instant time = node.hasNonNull("time") ? Instant.parse(node.get("time").asText()) : null;
            Set<String> ids = new LinkedHashSet<>();
            node.path("ids").forEach(id -> ids.add(id.asText()));
            Set<String> undated = new LinkedHashSet<>();
            node.path("undated").forEach(id -> undated.add(id.asText()));
            return new ActiveCampaignCursor(time, ids, undated, node.path("lastId").asLong(0));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("The stored consumer cursor is not readable (" + e.getMessage() + "): "
                                            + json + ". Remove it from the state repository to start again", e);
        }
    }

    @Override
    public String toString() {
        return "cursor[" + time + ", " + idsAtTime.size() + " ids at that time]";
    }
}
