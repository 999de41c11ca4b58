// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConsumerConfiguration;
import io.github.camelactivecampaign.component.activecampaign.model.ActiveCampaignDates;

/**
 * The contacts a per-contact feed polls: one ({@code contactId}), or those of a list, tag or segment, or those
 * updated since the last poll; rotated so that a poll cut short by its request budget starts the next one where it
 * stopped, and every contact is reached.
 */
final class ContactFanOut {

    /** The scope of the contact set's own cursor (updatedContacts). */
    static final String UPDATED_CONTACTS_SCOPE = "#contacts";

    /** Reads the records of every page of contacts/list for a query. */
    interface ContactPages {
        List<Object> contacts(Map<String, List<String>> query) throws Exception;
    }

    private final ActiveCampaignConsumerConfiguration options;
    private final ZoneId zone;
    private int next;

    ContactFanOut(ActiveCampaignConsumerConfiguration options, ZoneId zone) {
        this.options = options;
        this.zone = zone;
    }

    /** Whether the feed fans out over a set of contacts (a list, tag, segment or the updated ones). */
    boolean isFanningOut() {
        return options.getContactId() == null && (options.getListId() != null || options.getTagId() != null
                                                  || options.getSegmentId() != null || options.isUpdatedContacts());
    }

    /** The contact ids to poll, starting where the last poll stopped. */
    List<String> contacts(ContactPages pages, CursorStore cursors) throws Exception {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (options.getListId() != null) {
            query.put("listid", List.of(options.getListId()));
        } else if (options.getTagId() != null) {
            query.put("tagid", List.of(options.getTagId()));
        } else if (options.getSegmentId() != null) {
            query.put("segmentid", List.of(options.getSegmentId()));
        } else {
            Instant since = cursors.get(UPDATED_CONTACTS_SCOPE, () -> ActiveCampaignCursor.at(Instant.now())).time();
            if (since != null) {
                query.put("filters[updated_after]", List.of(ActiveCampaignDates.filterDay(since, zone)));
            }
            cursors.commit(UPDATED_CONTACTS_SCOPE, ActiveCampaignCursor.at(Instant.now()));
        }
        List<String> ids = new ArrayList<>();
        for (Object contact : pages.contacts(query)) {
            ids.add(String.valueOf(((Map<?, ?>) contact).get("id")));
        }
        if (ids.isEmpty()) {
            return ids;
        }
        int start = Math.floorMod(next, ids.size());
        next = start;
        List<String> rotated = new ArrayList<>(ids.subList(start, ids.size()));
        rotated.addAll(ids.subList(0, start));
        return rotated;
    }

    /** A contact's records were all fetched: the next poll starts after it. */
    void advance() {
        next++;
    }
}
