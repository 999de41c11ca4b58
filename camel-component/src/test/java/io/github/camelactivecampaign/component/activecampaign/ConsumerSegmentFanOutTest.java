// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fan-out over a segment's contacts, against a bound client: the contacts come from contacts/list?segmentid=, and
 * the activities of exactly those contacts are polled and delivered, each tagged with its contact.
 */
class ConsumerSegmentFanOutTest extends CamelTestSupport {

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final FakeActiveCampaignClient client = new FakeActiveCampaignClient(this::answer);

    private ActiveCampaignResponse answer(ActiveCampaignRequest request) {
        if ("contacts/list".equals(request.operation())) {
            return "9".equals(request.queryValue("segmentid"))
                    ? FakeActiveCampaignClient.ok("{\"contacts\":[{\"id\":\"5\"},{\"id\":\"6\"}]}")
                    : FakeActiveCampaignClient.ok("{\"contacts\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"5\"}]}");
        }
        String contact = request.queryValue("contact");
        return FakeActiveCampaignClient.ok("{\"activities\":[{\"id\":\"" + contact + "0\",\"contact\":\"" + contact
                                           + "\",\"tstamp\":\"2024-05-02T10:00:00-05:00\"}]}");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl("https://acme.api-us1.com/api/3");
        component.getConfiguration().setApiKey("token");
        component.getConfiguration().setClient(client);
        component.getConfiguration().setRateLimit(1000);
        component.getConfiguration().setConsumerShare(1);
        context.addComponent("activecampaign", component);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?segmentId=9&startFrom=beginning&initialDelay=3600000")
                        .routeId("segment")
                        .process(e -> delivered.add(e.getMessage().getHeader(ActiveCampaignConstants.POLLED_CONTACT_ID)
                                                    + ":" + e.getMessage().getBody(Map.class).get("id")));
            }
        };
    }

    @Test
    void segmentContactsOnly() throws Exception {
        ((ActiveCampaignConsumer) context.getRoute("segment").getConsumer()).poll();
        assertThat(delivered).containsExactlyInAnyOrder("5:50", "6:60");
        assertThat(client.requests()).filteredOn(r -> "contacts/list".equals(r.operation()))
                .allSatisfy(r -> assertThat(r.queryValue("segmentid")).isEqualTo("9"));
        assertThat(client.requests()).filteredOn(r -> "activities/list".equals(r.operation()))
                .extracting(r -> r.queryValue("contact")).containsExactlyInAnyOrder("5", "6");
    }
}
