// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date form the service writes: ISO-8601 with offset, a date-time without zone in the account's time zone,
 * zero dates, null, garbage. None fails the poll; undated records are delivered once.
 */
class ConsumerDatesTest extends ActiveCampaignTestSupport {

    private final List<String> delivered = new ArrayList<>();
    private final List<Object> times = new ArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:deals/list?startFrom=beginning&accountTimeZone=America/New_York"
                     + "&initialDelay=3600000&consumerShare=1")
                        .routeId("deals")
                        .process(e -> {
                            delivered.add(e.getMessage().getHeader(ActiveCampaignConstants.POLLED_ID, String.class));
                            times.add(e.getMessage().getHeader(ActiveCampaignConstants.POLLED_TIME));
                        });
            }
        };
    }

    @Test
    void everyDateFormIsReadAndNoRecordIsLost() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/deals")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"deals": [
                          {"id": 1, "mdate": "2024-01-01T15:30:00Z"},
                          {"id": "2", "mdate": "2024-01-01 10:00:00"},
                          {"id": "3", "mdate": "0000-00-00 00:00:00"},
                          {"id": "4", "mdate": null, "cdate": "2024-01-01T09:00:00-05:00"},
                          {"id": "5", "mdate": "yesterday"},
                          {"id": "6"}
                        ], "meta": {"total": 6}}
                        """)));
        ActiveCampaignConsumer consumer = (ActiveCampaignConsumer) context.getRoute("deals").getConsumer();

        assertThat(consumer.poll()).isEqualTo(6);
        // undated first (3, 5, 6), then 4 (cdate 14:00Z), 2 (15:00Z in New York), 1 (15:30Z)
        assertThat(delivered).containsExactly("3", "5", "6", "4", "2", "1");
        assertThat(times).containsExactly(null, null, null, Instant.parse("2024-01-01T14:00:00Z"),
                Instant.parse("2024-01-01T15:00:00Z"), Instant.parse("2024-01-01T15:30:00Z"));

        assertThat(consumer.poll()).as("the same page again: nothing new, undated ones included").isZero();
    }

    @Test
    void emptyPollDeliversNothingAndMovesNothing() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/deals")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"deals\": [], \"meta\": {\"total\": \"0\"}}")));
        ActiveCampaignConsumer consumer = (ActiveCampaignConsumer) context.getRoute("deals").getConsumer();
        assertThat(consumer.poll()).isZero();
        assertThat(consumer.poll()).isZero();
        assertThat(delivered).isEmpty();
    }
}
