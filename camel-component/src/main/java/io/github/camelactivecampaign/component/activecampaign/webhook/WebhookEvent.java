// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A webhook delivery as a typed object ({@code eventFormat=event}): the fields every event has, the contact it is
 * about, and the whole delivery as nested Maps in {@link #getData()}. {@link #of} picks the subclass of the common
 * events: {@link ContactWebhookEvent}, {@link DealWebhookEvent}, {@link CampaignWebhookEvent}; the others (list_add,
 * sms_*, ...) are plain WebhookEvents.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class WebhookEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> CONTACT_EVENTS = Set.of("subscribe", "unsubscribe", "update", "contact_tag_added",
            "contact_tag_removed", "subscriber_note");
    static final Set<String> CAMPAIGN_EVENTS = Set.of("sent", "open", "click", "forward", "share", "reply",
            "bounce");

    private String type;
    @JsonProperty("date_time")
    private String dateTime;
    @JsonProperty("initiated_by")
    private String initiatedBy;
    @JsonProperty("initiated_from")
    private String initiatedFrom;
    private String list;
    private WebhookContact contact;
    @JsonIgnore
    private Map<String, Object> data = new LinkedHashMap<>();

    /** The typed event of a delivery's fields (nested as {@link WebhookForm} nests them). */
    static WebhookEvent of(Map<String, Object> fields, ObjectMapper mapper) {
        String type = String.valueOf(fields.get("type"));
        Class<? extends WebhookEvent> kind = type.startsWith("deal_") ? DealWebhookEvent.class
                : CONTACT_EVENTS.contains(type) ? ContactWebhookEvent.class
                : CAMPAIGN_EVENTS.contains(type) ? CampaignWebhookEvent.class : WebhookEvent.class;
        WebhookEvent event = mapper.convertValue(fields, kind);
        event.data = fields;
        return event;
    }

    /** The event, e.g. subscribe or deal_add. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** When it happened, as the service wrote it (date_time). */
    public String getDateTime() {
        return dateTime;
    }

    public void setDateTime(String dateTime) {
        this.dateTime = dateTime;
    }

    /** Who caused it (initiated_by). */
    public String getInitiatedBy() {
        return initiatedBy;
    }

    public void setInitiatedBy(String initiatedBy) {
        this.initiatedBy = initiatedBy;
    }

    /** Where it was caused: public, admin, api or system (initiated_from). */
    public String getInitiatedFrom() {
        return initiatedFrom;
    }

    public void setInitiatedFrom(String initiatedFrom) {
        this.initiatedFrom = initiatedFrom;
    }

    /** The list it concerns, "0" for none. */
    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
    }

    /** The contact it is about, or null. */
    public WebhookContact getContact() {
        return contact;
    }

    public void setContact(WebhookContact contact) {
        this.contact = contact;
    }

    /** Every field of the delivery, nested: {@code getData().get("contact")} is a Map. */
    public Map<String, Object> getData() {
        return data;
    }

    @Override
    public String toString() {
        // the delivery's content (emails, names) stays out of logs
        return getClass().getSimpleName() + "[type=" + type + ", dateTime=" + dateTime + "]";
    }
}
