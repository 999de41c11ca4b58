// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelactivecampaign.component.activecampaign.model.ActiveCampaignDates;

/**
 * {@code GET /activities}: filtered by {@code contact} and by {@code after} (a day, so each poll overlaps the last
 * and the cursor removes the overlap), in {@code tstamp} order.
 */
final class ActivitiesFeed extends ActiveCampaignFeed {

    static final String OPERATION = "activities/list";

    ActivitiesFeed() {
        super(OPERATION, Set.of("contact", "after", "orders[tstamp]"));
    }

    @Override
    boolean isPerContact() {
        return true;
    }

    @Override
    String select(Map<String, List<String>> query, String scope, ActiveCampaignCursor cursor, ZoneId zone) {
        if (!scope.isEmpty()) {
            query.put("contact", List.of(scope));
        }
        if (cursor.time() != null) {
            query.put("after", List.of(ActiveCampaignDates.filterDay(cursor.time(), zone)));
        }
        query.put("orders[tstamp]", List.of("ASC"));
        return null;
    }

    @Override
    Instant time(Map<?, ?> record, String id, ZoneId zone) {
        return timeOf(record, id, zone, "tstamp");
    }
}
