// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the webhook consumer ({@code from("activecampaign:webhook?events=...&webhookUrl=...")}): which events
 * to register for, where the service posts them and how deliveries are checked and handed to the route.
 */
@UriParams
public class ActiveCampaignWebhookConfiguration {

    /** Every source a webhook can choose: contacts, users, the API, automations. */
    public static final String ALL_SOURCES = "public,admin,api,system";

    @UriParam(label = "consumer,webhook")
    private String events;
    @UriParam(label = "consumer,webhook", defaultValue = ALL_SOURCES)
    private String sources = ALL_SOURCES;
    @UriParam(label = "consumer,webhook")
    private String webhookUrl;
    @UriParam(label = "consumer,webhook")
    private String webhookPath;
    @UriParam(label = "consumer,webhook")
    private String webhookName;
    @UriParam(label = "consumer,webhook")
    private String webhookListId;
    @UriParam(label = "security", secret = true)
    private String webhookSecret;
    @UriParam(label = "consumer,webhook")
    private boolean keepWebhook;
    @UriParam(label = "consumer,webhook", enums = "map,json,event", defaultValue = "map")
    private String eventFormat = "map";
    @UriParam(label = "consumer,webhook")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,webhook", defaultValue = "65536")
    private int maxDeliverySize = 65_536;

    public String getEvents() {
        return events;
    }

    /**
     * Webhook consumer: the events to receive, comma separated, e.g. subscribe,update,deal_add (GET /webhook/events
     * lists them; unknown ones fail the route's start).
     */
    public void setEvents(String events) {
        this.events = events;
    }

    public String getSources() {
        return sources;
    }

    /**
     * Webhook consumer: whose actions trigger the webhook, comma separated: public (contacts), admin (users), api,
     * system (automations).
     */
    public void setSources(String sources) {
        this.sources = sources;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    /**
     * Webhook consumer: the public https URL at which the service reaches this application, e.g.
     * https://my.app/activecampaign/hooks (TLS ends at your proxy or server). The consumer listens on its path
     * (or webhookPath) through platform-http and registers it with the secret added as a query parameter. Plain
     * http only for loopback hosts, in tests.
     */
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /**
     * Webhook consumer: the path to listen on, when it differs from the path of webhookUrl (a proxy that rewrites
     * paths, or a platform-http context path).
     */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookName() {
        return webhookName;
    }

    /**
     * Webhook consumer: the name the webhook is registered under; by default camel-activecampaign: and the route
     * id. The consumer finds its webhook by this name when it starts again, so that restarts never add duplicates.
     */
    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public String getWebhookListId() {
        return webhookListId;
    }

    /**
     * Webhook consumer: receive the events of this list only.
     */
    public void setWebhookListId(String webhookListId) {
        this.webhookListId = webhookListId;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * Webhook consumer: the secret the registered URL carries (the service signs nothing, so a request without it is
     * refused). Generated at random when not set, and then replaced at each start of the application; set it to
     * keep the registered URL across restarts. At least 16 characters.
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public boolean isKeepWebhook() {
        return keepWebhook;
    }

    /**
     * Webhook consumer: keep the webhook registered when the route stops (events then arrive while nothing listens
     * and are lost: the service never retries). By default it is removed.
     */
    public void setKeepWebhook(boolean keepWebhook) {
        this.keepWebhook = keepWebhook;
    }

    public String getEventFormat() {
        return eventFormat;
    }

    /**
     * Webhook consumer: the body of a delivery: map (nested Maps: ${body[contact][email]}), json (a Jackson
     * JsonNode) or event (a typed WebhookEvent: ContactWebhookEvent, DealWebhookEvent, CampaignWebhookEvent).
     */
    public void setEventFormat(String eventFormat) {
        this.eventFormat = eventFormat;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Webhook consumer: drop repeated deliveries (the service delivers at least once) by keeping the digest of each
     * delivery in this repository; a repeat is answered 200 and not routed.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getMaxDeliverySize() {
        return maxDeliverySize;
    }

    /**
     * Webhook consumer: the largest delivery accepted, in bytes; a larger one is refused with 413.
     */
    public void setMaxDeliverySize(int maxDeliverySize) {
        this.maxDeliverySize = maxDeliverySize;
    }
}
