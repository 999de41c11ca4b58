// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConsumerConfiguration;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignParameterValues;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignRequestBuilder;

/**
 * Checks a consumer's options when its route starts, with the rules and messages producers apply to the same
 * values: a consumer must refuse to start rather than poll a wrong path or warn at every poll.
 */
final class ConsumerOptionsCheck {

    private ConsumerOptionsCheck() {
    }

    static void check(ActiveCampaignEndpoint endpoint, ActiveCampaignFeed feed) {
        // the operation's own options (activities/list?contact=..., deals/list?filtersStage=...)
        new ActiveCampaignRequestBuilder(endpoint, endpoint.getObjectMapper()).checkOptions();

        ActiveCampaignConsumerConfiguration options = endpoint.getConsumerConfiguration();
        ActiveCampaignParameterValues values = new ActiveCampaignParameterValues(endpoint.getOperation());
        // each of these ends up in a request path or a filter: ids, as producers take them
        checkId(values, "contactId", options.getContactId());
        checkId(values, "listId", options.getListId());
        checkId(values, "tagId", options.getTagId());
        checkId(values, "segmentId", options.getSegmentId());
        startFrom(options.getStartFrom());
        if (options.getRequestsPerPoll() < 0) {
            throw new IllegalArgumentException("requestsPerPoll must be 0 (no limit) or more, was "
                                               + options.getRequestsPerPoll());
        }
        if (options.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("maxMessagesPerPoll must be 0 (no limit) or more, was "
                                               + options.getMaxMessagesPerPoll());
        }
        checkContactSources(endpoint, feed, options);
    }

    private static void checkId(ActiveCampaignParameterValues values, String option, String value) {
        if (value != null) {
            values.pathValue(option, true, value);
        }
    }

    /** Which contacts are polled: one source at most, and only for feeds that belong to contacts. */
    private static void checkContactSources(ActiveCampaignEndpoint endpoint, ActiveCampaignFeed feed,
                                            ActiveCampaignConsumerConfiguration options) {
        List<String> sources = new ArrayList<>();
        if (options.getContactId() != null) {
            sources.add("contactId");
        }
        if (options.getListId() != null) {
            sources.add("listId");
        }
        if (options.getTagId() != null) {
            sources.add("tagId");
        }
        if (options.getSegmentId() != null) {
            sources.add("segmentId");
        }
        if (options.isUpdatedContacts()) {
            sources.add("updatedContacts");
        }
        String consumer = "activecampaign:" + feed.operation() + " consumer";
        if (!feed.isPerContact()) {
            if (!sources.isEmpty()) {
                throw new IllegalArgumentException(String.join(", ", sources) + " select contacts whose activities "
                                                   + "or tracking logs are polled; the " + consumer + " does not "
                                                   + "take " + (sources.size() > 1 ? "them" : "it") + ". Narrow it "
                                                   + "with the operation's own options instead (e.g. "
                                                   + "contacts/list?listid=3)");
            }
            return;
        }
        if (sources.size() > 1) {
            throw new IllegalArgumentException("The " + consumer + " takes one source of contacts, got "
                                               + String.join(" and ", sources) + "; keep one");
        }
        if (sources.isEmpty() && feed instanceof TrackingLogsFeed
                && endpoint.getOperation().parameter("id").map(endpoint::operationOption).isEmpty()) {
            throw new IllegalArgumentException("The trackingLogs consumer needs the contacts whose logs it polls: "
                                               + "contactId, or listId, tagId, segmentId or updatedContacts=true to "
                                               + "fan out, e.g. activecampaign:trackingLogs?contactId=42");
        }
    }

    /**
     * Where a consumer without a stored cursor starts: null for {@code beginning}, the instant for an ISO-8601
     * one; {@code now} is read when the cursor is made, so it is the current time at that moment.
     */
    static Instant startFrom(String startFrom) {
        String value = startFrom == null ? "now" : startFrom.strip();
        if ("now".equalsIgnoreCase(value)) {
            return Instant.now();
        }
        if ("beginning".equalsIgnoreCase(value)) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startFrom must be now, beginning or an ISO-8601 instant such as "
                                               + "2024-01-01T00:00:00Z, was '" + value + "'", e);
        }
    }
}
