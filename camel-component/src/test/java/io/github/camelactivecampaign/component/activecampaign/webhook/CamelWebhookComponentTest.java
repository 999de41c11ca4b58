// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-webhook 4.18.0 (the newest served) driving the endpoint on Camel 4.22: {@code webhook:activecampaign:webhook}
 * exposes the same handler on platform-http and registers the webhook at its external URL, with the secret.
 */
class CamelWebhookComponentTest extends WebhookTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:activecampaign:webhook?events=deal_add&sources=api&webhookSecret=" + SECRET
                     + "&webhookComponentName=platform-http&webhookExternalUrl=http://127.0.0.1:" + port
                     + "&webhookPath=/camel-webhook/ac").routeId("viaCamelWebhook").to("mock:events");
            }
        };
    }

    @Test
    void registersItsExternalUrlWithTheSecretAndRoutesDeliveries() throws Exception {
        assertThat(webhooks()).singleElement().satisfies(webhook -> assertThat(webhook)
                .containsEntry("url", "http://127.0.0.1:" + port + "/camel-webhook/ac?secret=" + SECRET)
                .containsEntry("name", "camel-activecampaign:/camel-webhook/ac"));
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        String dealId = createDeal("ada@example.com", "Via camel-webhook");

        events.assertIsSatisfied(10_000);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> body = events.getExchanges().get(0).getMessage().getBody(Map.class);
        assertThat(body.get("deal")).containsEntry("id", dealId);
        assertThat(events.getExchanges().get(0).getMessage().getHeaders())
                .containsEntry(ActiveCampaignConstants.WEBHOOK_TYPE, "deal_add")
                .doesNotContainKeys("CamelHttpQuery", "CamelHttpRawQuery", "deal[id]");
        // the same checks as the activecampaign:webhook consumer
        assertThat(post("/camel-webhook/ac", "application/x-www-form-urlencoded", "type=deal_add").statusCode())
                .isEqualTo(401);

        context.getRouteController().stopRoute("viaCamelWebhook");
        context.stop();
        assertThat(webhooks()).isEmpty();
    }
}
