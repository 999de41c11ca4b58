// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/**
 * The fixed headers of the ActiveCampaign component; each constant is named after its value.
 * <p>
 * Besides these, every operation parameter can be given as a header named {@link #HEADER_PREFIX} + its option
 * name capitalised, e.g. {@code CamelActiveCampaignId} for {@code id} or {@code CamelActiveCampaignFiltersUpdatedAfter}
 * for {@code filtersUpdatedAfter} ({@code filters[updated_after]}); a header wins over the endpoint option.
 * docs/operations.md lists the options of every operation, and the generated
 * {@code api.ActiveCampaignParameterHeaders} (this class's subclass, the endpoint's headers class) lists them for
 * tooling.
 */
public class ActiveCampaignConstants {

    /** The prefix of every operation parameter's header: {@code CamelActiveCampaign} + the option, capitalised. */
    public static final String HEADER_PREFIX = "CamelActiveCampaign";

    @Metadata(label = "producer", description = "The operation that produced the message, e.g. deals/update.",
              javaType = "String")
    public static final String OPERATION = "CamelActiveCampaignOperation";

    @Metadata(label = "producer", description = "The HTTP status code of the response.", javaType = "int")
    public static final String HTTP_RESPONSE_CODE = Exchange.HTTP_RESPONSE_CODE;

    @Metadata(label = "producer",
              description = "The total number of records of a list operation (meta.total), when the service reports it.",
              javaType = "Long")
    public static final String TOTAL = "CamelActiveCampaignTotal";

    @Metadata(label = "producer",
              description = "For a list operation called without paginate=true, which answers one page: true when the "
                            + "service holds more records after this page (by meta.total; where the service gives no "
                            + "total, when the page came back full, so the next page may be empty). paginate=true "
                            + "reads every page.",
              javaType = "boolean")
    public static final String MORE_PAGES = "CamelActiveCampaignMorePages";

    @Metadata(label = "producer",
              description = "For a list operation called without paginate=true, when more pages exist: the offset of "
                            + "the next page, to send as the offset of the next call.",
              javaType = "Long")
    public static final String NEXT_OFFSET = "CamelActiveCampaignNextOffset";

    @Metadata(label = "producer",
              description = "Extra query parameters sent as they are, e.g. filters[name][contains]; they may override "
                            + "the parameters of the endpoint.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY_PARAMETERS = "CamelActiveCampaignQueryParameters";

    @Metadata(label = "producer",
              description = "The account's request budget as the service reported it (RateLimit-Limit), when present.",
              javaType = "String")
    public static final String RATE_LIMIT_LIMIT = "CamelActiveCampaignRateLimitLimit";

    @Metadata(label = "producer",
              description = "The requests left in the current window as the service reported it (RateLimit-Remaining), "
                            + "when present.",
              javaType = "String")
    public static final String RATE_LIMIT_REMAINING = "CamelActiveCampaignRateLimitRemaining";

    @Metadata(label = "consumer", description = "The id of the record a consumer delivers.", javaType = "String")
    public static final String POLLED_ID = "CamelActiveCampaignPolledId";

    @Metadata(label = "consumer",
              description = "The time of the record a consumer delivers (its tstamp, udate or mdate), null when the "
                            + "record had no readable date.",
              javaType = "java.time.Instant")
    public static final String POLLED_TIME = "CamelActiveCampaignPolledTime";

    @Metadata(label = "consumer",
              description = "The contact whose activities or tracking logs a fan-out consumer delivers.",
              javaType = "String")
    public static final String POLLED_CONTACT_ID = "CamelActiveCampaignPolledContactId";

    @Metadata(label = "producer,bulk",
              description = "Bulk import: the number of contacts a Stream or Iterator body (or the contacts fed one per "
                            + "message) will bring, for the progress's ETA.",
              javaType = "Long")
    public static final String BULK_TOTAL = "CamelActiveCampaignBulkTotal";

    @Metadata(label = "producer,bulk",
              description = "Bulk import fed one contact per message: true ends the import (as the end of a split "
                            + "does); the message's body becomes the summary.",
              javaType = "Boolean")
    public static final String BULK_FLUSH = "CamelActiveCampaignBulkFlush";

    @Metadata(label = "consumer,webhook", description = "Webhook consumer: the event delivered, e.g. deal_add (type).",
              javaType = "String")
    public static final String WEBHOOK_TYPE = "CamelActiveCampaignWebhookType";

    @Metadata(label = "consumer,webhook",
              description = "Webhook consumer: when the event happened, as the service wrote it (date_time).",
              javaType = "String")
    public static final String WEBHOOK_DATE_TIME = "CamelActiveCampaignWebhookDateTime";

    @Metadata(label = "consumer,webhook", description = "Webhook consumer: who caused the event (initiated_by).",
              javaType = "String")
    public static final String WEBHOOK_INITIATED_BY = "CamelActiveCampaignWebhookInitiatedBy";

    @Metadata(label = "consumer,webhook",
              description = "Webhook consumer: where the event was caused: public, admin, api or system "
                            + "(initiated_from).",
              javaType = "String")
    public static final String WEBHOOK_INITIATED_FROM = "CamelActiveCampaignWebhookInitiatedFrom";

    @Metadata(label = "consumer,webhook", description = "Webhook consumer: the list the event concerns, 0 for none.",
              javaType = "String")
    public static final String WEBHOOK_LIST = "CamelActiveCampaignWebhookList";

    /** Extended only by the generated headers class, so that Camel's metadata lists the parameter headers too. */
    protected ActiveCampaignConstants() {
    }
}
