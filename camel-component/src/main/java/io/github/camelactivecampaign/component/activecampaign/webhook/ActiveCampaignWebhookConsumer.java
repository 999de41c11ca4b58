// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.util.List;
import java.util.Map;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.Processor;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Receives the deliveries of one webhook: listens on the runtime's HTTP server through platform-http (Vert.x on
 * camel-main, the Spring or Quarkus server elsewhere), registers the webhook when the route starts (after the
 * account confirmed the events exist) and removes it when the route stops, unless keepWebhook.
 */
final class ActiveCampaignWebhookConsumer extends DefaultConsumer {

    private final ActiveCampaignWebhookEndpoint endpoint;
    private final WebhookRegistrar registrar;
    private Consumer http;
    private String webhookId;

    ActiveCampaignWebhookConsumer(ActiveCampaignWebhookEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.registrar = new WebhookRegistrar(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String path = endpoint.localPath();
        List<String> events = endpoint.events();
        checkEvents(registrar, events);
        Endpoint server;
        try {
            server = getEndpoint().getCamelContext().getEndpoint("platform-http:" + path + "?httpMethodRestrict=POST");
        } catch (ResolveEndpointFailedException | NoSuchEndpointException e) {
            throw new IllegalStateException("activecampaign:webhook receives through platform-http: add "
                                            + "camel-platform-http-vertx (camel-main), camel-platform-http-starter "
                                            + "(Spring Boot) or camel-quarkus-platform-http (Quarkus)", e);
        }
        http = server.createConsumer(new WebhookDeliveryHandler(endpoint.secret(), endpoint.getWebhookConfiguration(),
                endpoint.getObjectMapper(), this::deliver));
        ServiceHelper.startService(endpoint.getWebhookConfiguration().getIdempotentRepository(), http);
        ActiveCampaignWebhookConfiguration configuration = endpoint.getWebhookConfiguration();
        String name = configuration.getWebhookName() != null ? configuration.getWebhookName()
                : "camel-activecampaign:" + getRouteId();
        webhookId = registrar.register(new WebhookRegistrar.Registration(name,
                endpoint.secret().addTo(configuration.getWebhookUrl().strip()), events, endpoint.sources(),
                configuration.getWebhookListId()));
    }

    @Override
    protected void doStop() throws Exception {
        if (webhookId != null && !endpoint.getWebhookConfiguration().isKeepWebhook()) {
            registrar.remove(webhookId);
        }
        webhookId = null;
        ServiceHelper.stopAndShutdownService(http);
        ServiceHelper.stopService(endpoint.getWebhookConfiguration().getIdempotentRepository());
        http = null;
        super.doStop();
    }

    /** Fails when the account does not offer one of the events (GET /webhook/events). */
    static void checkEvents(WebhookRegistrar registrar, List<String> events) {
        List<String> known = registrar.knownEvents();
        List<String> unknown = events.stream().filter(e -> !known.contains(e)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown webhook event" + (unknown.size() > 1 ? "s " : " ") + unknown
                                               + " in events; the account offers: " + String.join(", ", known));
        }
    }

    /** Routes a checked delivery as an exchange of this consumer's route; throws when the route failed it. */
    private void deliver(Exchange request, Object body, Map<String, Object> headers) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(headers);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                Exception failure = exchange.getException();
                getExceptionHandler().handleException("The route failed a webhook delivery", exchange, failure);
                throw failure;
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    String getWebhookId() {
        return webhookId;
    }
}
