// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelactivecampaign.component.activecampaign.model.ActiveCampaignDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a consumer polls and how: the list operation, the query that selects the records after the cursor, the
 * time that orders them, and how the cursor moves once a record has been delivered. One subclass per feed.
 */
abstract class ActiveCampaignFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveCampaignFeed.class);
    /** Undated records remembered so that each is reported once, not at every poll. */
    private static final int MAX_REPORTED = 10_000;
    static final Set<String> PAGING = Set.of("limit", "offset");

    private final String operation;
    private final Set<String> managed;
    private final Set<String> reportedUndated = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REPORTED;
        }
    });

    ActiveCampaignFeed(String operation, Set<String> managed) {
        this.operation = operation;
        this.managed = managed;
    }

    /** The catalog name of the list operation polled. */
    final String operation() {
        return operation;
    }

    /** Whether the consumer sets this query parameter itself (an endpoint option for it is not sent). */
    final boolean manages(String parameter) {
        return managed.contains(parameter) || PAGING.contains(parameter);
    }

    /** Activities and tracking logs belong to a contact and can fan out over many. */
    boolean isPerContact() {
        return false;
    }

    /**
     * Adds to the query what selects the records of a scope after the cursor.
     *
     * @return the id for the operation's path parameter, or null when it has none
     */
    abstract String select(Map<String, List<String>> query, String scope, ActiveCampaignCursor cursor, ZoneId zone);

    /** The time that orders a record, or null when it has none (it is then delivered once, outside the order). */
    abstract Instant time(Map<?, ?> record, String id, ZoneId zone);

    /** Whether a record found by a poll comes after the cursor. */
    boolean isNew(ActiveCampaignCursor cursor, Instant time, String id) {
        return cursor.isNew(time, id);
    }

    /** The cursor once this record has been delivered. */
    ActiveCampaignCursor advance(ActiveCampaignCursor cursor, Instant time, String id) {
        return cursor.after(time, id);
    }

    /** The time of the first of these fields that holds a date; logs a record without one once. */
    final Instant timeOf(Map<?, ?> record, String id, ZoneId zone, String... fields) {
        Object value = null;
        for (String field : fields) {
            value = record.get(field);
            if (value != null && !"".equals(value)) {
                break;
            }
        }
        try {
            Instant time = ActiveCampaignDates.parse(value == null ? null : value.toString(), zone);
            if (time == null && reportedUndated.add(id)) {
                LOG.warn("{} record {} has no date ({}); it is delivered once, outside the time order", operation,
                        id, value);
            }
            return time;
        } catch (DateTimeParseException e) {
            if (reportedUndated.add(id)) {
                LOG.warn("{} record {} has an unreadable date '{}'; it is delivered once, outside the time order",
                        operation, id, value);
            }
            return null;
        }
    }
}
