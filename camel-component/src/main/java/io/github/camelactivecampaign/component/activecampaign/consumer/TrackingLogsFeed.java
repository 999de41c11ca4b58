// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /contacts/{id}/trackingLogs}: one contact's logs, with no time filter on the service side; the cursor
 * alone removes what was delivered.
 */
final class TrackingLogsFeed extends ActiveCampaignFeed {

    static final String OPERATION = "contacts/trackingLogs";

    TrackingLogsFeed() {
        super(OPERATION, Set.of("id"));
    }

    @Override
    boolean isPerContact() {
        return true;
    }

    @Override
    String select(Map<String, List<String>> query, String scope, ActiveCampaignCursor cursor, ZoneId zone) {
        return scope;
    }

    @Override
    Instant time(Map<?, ?> record, String id, ZoneId zone) {
        return timeOf(record, id, zone, "tstamp");
    }
}
