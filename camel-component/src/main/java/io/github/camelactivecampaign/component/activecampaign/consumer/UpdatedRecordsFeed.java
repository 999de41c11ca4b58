// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelactivecampaign.component.activecampaign.model.ActiveCampaignDates;

/**
 * {@code GET /contacts} or {@code GET /deals}, new and updated records: {@code filters[updated_after]} (a day) and
 * the record's update time ({@code udate} / {@code mdate}, else its creation time).
 */
final class UpdatedRecordsFeed extends ActiveCampaignFeed {

    private final String[] timeFields;

    private UpdatedRecordsFeed(String operation, String... timeFields) {
        super(operation, Set.of("filters[updated_after]"));
        this.timeFields = timeFields;
    }

    static UpdatedRecordsFeed contacts() {
        return new UpdatedRecordsFeed("contacts/list", "udate", "cdate");
    }

    static UpdatedRecordsFeed deals() {
        return new UpdatedRecordsFeed("deals/list", "mdate", "cdate");
    }

    @Override
    String select(Map<String, List<String>> query, String scope, ActiveCampaignCursor cursor, ZoneId zone) {
        if (cursor.time() != null) {
            query.put("filters[updated_after]", List.of(ActiveCampaignDates.filterDay(cursor.time(), zone)));
        }
        return null;
    }

    @Override
    Instant time(Map<?, ?> record, String id, ZoneId zone) {
        return timeOf(record, id, zone, timeFields);
    }
}
