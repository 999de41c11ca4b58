// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Orders stored consumer cursors (their JSON) by how far they have got: the time of the last delivered record, then
 * the last id (feeds that page by id), then how many records were delivered at that time, then how many undated
 * ones. Two cursors it cannot read compare as equal, which a compare-and-set treats as "not ahead".
 */
public final class CursorOrder implements Comparator<String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How far a cursor has got, in the order the fields count. */
    private record Position(Instant time, long lastId, int idsAtTime, int undated) {
    }

    @Override
    public int compare(String first, String second) {
        Position a = position(first);
        Position b = position(second);
        if (a == null || b == null) {
            return 0;
        }
        return Comparator.comparing(Position::time, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparingLong(Position::lastId)
                .thenComparingInt(Position::idsAtTime)
                .thenComparingInt(Position::undated)
                .compare(a, b);
    }

    private static Position position(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                return null;
            }
            Instant time = node.hasNonNull("time") ? Instant.parse(node.get("time").asText()) : null;
            return new Position(time, node.path("lastId").asLong(0), node.path("ids").size(),
                    node.path("undated").size());
        } catch (Exception e) {
            return null;
        }
    }
}
