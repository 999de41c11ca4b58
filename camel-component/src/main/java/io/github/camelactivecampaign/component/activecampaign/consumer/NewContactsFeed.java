// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /contacts} with {@code newOnly}: contacts created since the last one delivered, by id
 * ({@code id_greater} + {@code orders[id]=ASC}); ids only grow, so no time is needed.
 */
final class NewContactsFeed extends ActiveCampaignFeed {

    NewContactsFeed() {
        super("contacts/list", Set.of("id_greater", "orders[id]", "filters[updated_after]"));
    }

    @Override
    String select(Map<String, List<String>> query, String scope, ActiveCampaignCursor cursor, ZoneId zone) {
        query.put("id_greater", List.of(String.valueOf(cursor.lastId())));
        query.put("orders[id]", List.of("ASC"));
        return null;
    }

    @Override
    Instant time(Map<?, ?> record, String id, ZoneId zone) {
        return null;
    }

    @Override
    boolean isNew(ActiveCampaignCursor cursor, Instant time, String id) {
        return ActiveCampaignConsumer.numeric(id) > cursor.lastId();
    }

    @Override
    ActiveCampaignCursor advance(ActiveCampaignCursor cursor, Instant time, String id) {
        return cursor.afterId(id);
    }
}
