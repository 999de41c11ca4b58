// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.util.List;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConfiguration;
import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The webhook endpoint as camel-webhook drives it: {@code webhook:activecampaign:webhook?events=...}. camel-webhook
 * exposes the handler on its REST transport (set webhookComponentName=platform-http) at webhookPath, and
 * registers the webhook at webhookExternalUrl + path, to which this endpoint adds the secret. Without camel-webhook,
 * the endpoint behaves exactly as {@link ActiveCampaignWebhookEndpoint}.
 */
public class ActiveCampaignWebhookCapableEndpoint extends ActiveCampaignWebhookEndpoint
        implements WebhookCapableEndpoint {

    private WebhookConfiguration webhookConfiguration;
    private String webhookId;

    ActiveCampaignWebhookCapableEndpoint(String uri, ActiveCampaignComponent component,
                                         ActiveCampaignConfiguration configuration) {
        super(uri, component, configuration);
    }

    @Override
    protected boolean requiresWebhookUrl() {
        // camel-webhook hands its configuration over after init; webhookUrl is checked when a consumer is created
        return false;
    }

    @Override
    public Processor createWebhookHandler(Processor next) {
        return new WebhookDeliveryHandler(secret(), getWebhookConfiguration(), getObjectMapper(),
                (request, body, headers) -> {
                    // the request itself goes down the route: none of its headers (the form's fields, the query
                    // holding the secret) travel with it
                    request.getMessage().removeHeaders("*");
                    request.getMessage().setHeaders(headers);
                    request.getMessage().setBody(body);
                    next.process(request);
                    if (request.getException() != null) {
                        Exception failure = request.getException();
                        request.setException(null);
                        throw failure;
                    }
                });
    }

    @Override
    public void registerWebhook() throws Exception {
        ServiceHelper.startService(this, getWebhookConfiguration().getIdempotentRepository());
        String url = webhookConfiguration.computeFullExternalUrl();
        checkedUrl(url);
        WebhookRegistrar registrar = new WebhookRegistrar(this);
        ActiveCampaignWebhookConsumer.checkEvents(registrar, events());
        ActiveCampaignWebhookConfiguration configuration = getWebhookConfiguration();
        String name = configuration.getWebhookName() != null ? configuration.getWebhookName()
                : "camel-activecampaign:" + webhookConfiguration.computeFullPath(false);
        webhookId = registrar.register(new WebhookRegistrar.Registration(name, secret().addTo(url), events(),
                sources(), configuration.getWebhookListId()));
    }

    @Override
    public void unregisterWebhook() {
        if (webhookId != null && !getWebhookConfiguration().isKeepWebhook()) {
            // camel-webhook stops this endpoint's owner late: make sure the client is there to remove the webhook
            ServiceHelper.startService(this);
            new WebhookRegistrar(this).remove(webhookId);
        }
        webhookId = null;
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }
}
