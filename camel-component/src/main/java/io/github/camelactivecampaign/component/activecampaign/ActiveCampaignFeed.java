// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Optional;
import java.util.Set;

/**
 * The operations a consumer can poll, and how: which date field orders their records, whether they are polled per
 * contact, and which query parameters the consumer sets itself.
 */
enum ActiveCampaignFeed {

    /** GET /activities: {@code contact}, {@code after} (a day), {@code orders[tstamp]=ASC}. */
    ACTIVITIES("activities/list", "tstamp", null, true, Set.of("contact", "after", "orders[tstamp]")),
    /** GET /contacts/{id}/trackingLogs: no time filter on the service side. */
    TRACKING_LOGS("contacts/trackingLogs", "tstamp", null, true, Set.of("id")),
    /** GET /contacts: {@code filters[updated_after]} (a day), or {@code id_greater} + {@code orders[id]} for new ones. */
    CONTACTS("contacts/list", "udate", "cdate", false, Set.of("filters[updated_after]", "id_greater", "orders[id]")),
    /** GET /deals: {@code filters[updated_after]} (a day). */
    DEALS("deals/list", "mdate", "cdate", false, Set.of("filters[updated_after]"));

    static final Set<String> PAGING = Set.of("limit", "offset");

    private final String operation;
    private final String timeField;
    private final String fallbackTimeField;
    private final boolean perContact;
    private final Set<String> managed;

    ActiveCampaignFeed(String operation, String timeField, String fallbackTimeField, boolean perContact,
                       Set<String> managed) {
        this.operation = operation;
        this.timeField = timeField;
        this.fallbackTimeField = fallbackTimeField;
        this.perContact = perContact;
        this.managed = managed;
    }

    static Optional<ActiveCampaignFeed> of(String operationName) {
        for (ActiveCampaignFeed feed : values()) {
            if (feed.operation.equals(operationName)) {
                return Optional.of(feed);
            }
        }
        return Optional.empty();
    }

    static String names() {
        return "activecampaign:activities/list (alias activities), activecampaign:contacts/trackingLogs (alias "
               + "trackingLogs), activecampaign:contacts/list, activecampaign:deals/list";
    }

    String operation() {
        return operation;
    }

    String timeField() {
        return timeField;
    }

    String fallbackTimeField() {
        return fallbackTimeField;
    }

    /** Activities and tracking logs belong to a contact and can fan out over many. */
    boolean isPerContact() {
        return perContact;
    }

    /** Whether the consumer sets this query parameter itself (an endpoint option for it is not sent). */
    boolean manages(String parameter) {
        return managed.contains(parameter) || PAGING.contains(parameter);
    }
}
