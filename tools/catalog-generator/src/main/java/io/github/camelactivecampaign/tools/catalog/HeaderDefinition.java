// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.List;

/** A header of the constants class that is not an operation parameter. */
record HeaderDefinition(String field, String value, String label, String description, String javaType) {

    /** Headers of the component itself, written before the parameter headers. */
    static final List<HeaderDefinition> COMPONENT_HEADERS = List.of(
            new HeaderDefinition("OPERATION", "CamelActiveCampaignOperation", "producer",
                    "The operation that produced the message, e.g. deals/update.", "String"),
            new HeaderDefinition("HTTP_RESPONSE_CODE", "CamelHttpResponseCode", "producer",
                    "The HTTP status code of the response.", "int"),
            new HeaderDefinition("TOTAL", "CamelActiveCampaignTotal", "producer",
                    "The total number of records of a list operation (meta.total), when the service reports it.",
                    "Long"),
            new HeaderDefinition("QUERY_PARAMETERS", "CamelActiveCampaignQueryParameters", "producer",
                    "Extra query parameters sent as they are, e.g. filters[name][contains]; they may override "
                    + "the parameters of the endpoint.",
                    "java.util.Map<String, Object>"),
            new HeaderDefinition("RATE_LIMIT_LIMIT", "CamelActiveCampaignRateLimitLimit", "producer",
                    "The account's request budget as the service reported it (RateLimit-Limit), when present.",
                    "String"),
            new HeaderDefinition("RATE_LIMIT_REMAINING", "CamelActiveCampaignRateLimitRemaining", "producer",
                    "The requests left in the current window as the service reported it (RateLimit-Remaining), "
                    + "when present.",
                    "String"),
            new HeaderDefinition("RECORD_ID", "CamelActiveCampaignPolledId", "consumer",
                    "The id of the record a consumer delivers.", "String"),
            new HeaderDefinition("RECORD_TIME", "CamelActiveCampaignPolledTime", "consumer",
                    "The time of the record a consumer delivers (its tstamp, udate or mdate), null when the "
                    + "record had no readable date.", "java.time.Instant"),
            new HeaderDefinition("CONTACT_ID", "CamelActiveCampaignPolledContactId", "consumer",
                    "The contact whose activities or tracking logs a fan-out consumer delivers.", "String"));
}
