// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import io.github.camelactivecampaign.simulator.WebhookDelivery;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the simulator posts reaches the route as nested Maps or typed events with their headers, and is answered
 * 2xx only once the route completed it.
 */
class WebhookDeliveryTest extends WebhookTestSupport {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:webhook?events=deal_add&sources=api&webhookSecret=" + SECRET + "&webhookUrl="
                     + hookUrl("/hooks/map")).routeId("map").to("mock:map");
                from("activecampaign:webhook?events=deal_add&sources=api&eventFormat=event&webhookUrl="
                     + hookUrl("/hooks/typed")).routeId("typed").to("mock:typed");
                from("activecampaign:webhook?events=update&sources=api&webhookUrl=" + hookUrl("/hooks/slow"))
                        .routeId("slow").process(e -> {
                            entered.countDown();
                            release.await(10, TimeUnit.SECONDS);
                        })
                        .filter(simple("${body[contact][last_name]} == 'Fail'"))
                            .throwException(new IllegalStateException("the route failed"))
                        .end()
                        .to("mock:slow");
            }
        };
    }

    @Test
    void aDealAddArrivesAsNestedMapsWithItsHeaders() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:map");
        events.expectedMessageCount(1);

        String dealId = createDeal("ada@example.com", "Big deal");

        events.assertIsSatisfied(10_000);
        Exchange exchange = events.getExchanges().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> body = exchange.getMessage().getBody(Map.class);
        assertThat(body.get("deal")).containsEntry("id", dealId).containsEntry("title", "Big deal");
        assertThat(body.get("contact")).containsEntry("email", "ada@example.com");
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(ActiveCampaignConstants.WEBHOOK_TYPE, "deal_add")
                .containsEntry(ActiveCampaignConstants.WEBHOOK_INITIATED_FROM, "api")
                .containsKeys(ActiveCampaignConstants.WEBHOOK_DATE_TIME, ActiveCampaignConstants.WEBHOOK_INITIATED_BY,
                        ActiveCampaignConstants.WEBHOOK_LIST)
                // nothing of the HTTP request travels with the event: not the query with the secret, not the form
                .doesNotContainKeys(Exchange.HTTP_QUERY, Exchange.HTTP_RAW_QUERY, Exchange.HTTP_URI, "type",
                        "deal[id]");
        assertThat(exchange.getFromRouteId()).isEqualTo("map");
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator().webhookDeliveries().size() == 2);
        assertThat(simulator().webhookDeliveries()).extracting(WebhookDelivery::status).containsOnly(200);
    }

    @Test
    void eventFormatEventGivesTypedEvents() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:typed");
        events.expectedMessageCount(1);

        String dealId = createDeal("grace@example.com", "Typed");

        events.assertIsSatisfied(10_000);
        DealWebhookEvent event = events.getExchanges().get(0).getMessage().getBody(DealWebhookEvent.class);
        assertThat(event.getType()).isEqualTo("deal_add");
        assertThat(event.getInitiatedFrom()).isEqualTo("api");
        assertThat(event.getDeal().getId()).isEqualTo(dealId);
        assertThat(event.getDeal().getTitle()).isEqualTo("Typed");
        assertThat(event.getDeal().getContactId()).isEqualTo(event.getContact().getId());
        assertThat(event.getContact().getEmail()).isEqualTo("grace@example.com");
        assertThat(event.getContact().getFirstName()).isEqualTo("Ada");
        assertThat(event.getData()).containsKeys("deal", "contact", "type");
        assertThat(event.toString()).doesNotContain("grace@example.com");
    }

    @Test
    void answers200OnlyAfterTheRouteCompletedAnd500WhenItFailed() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:slow");
        events.expectedMessageCount(1);
        String contactId = createContact("alan@example.com");
        api("PUT", "/contacts/" + contactId, "{\"contact\":{\"lastName\":\"Turing\"}}");
        api("PUT", "/contacts/" + contactId, "{\"contact\":{\"lastName\":\"Fail\"}}");

        // the route holds the first delivery: the simulator has no answer yet
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(simulator().webhookDeliveries()).noneMatch(d -> "update".equals(d.type()));
        release.countDown();

        events.assertIsSatisfied(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator().webhookDeliveries().stream()
                .filter(d -> "update".equals(d.type())).count() == 2);
        assertThat(simulator().webhookDeliveries().stream().filter(d -> "update".equals(d.type())))
                .extracting(WebhookDelivery::status).containsExactly(200, 500);
    }
}
