// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fan-out over the contacts of a list (its unsubscribed members left out) and over the contacts updated since the
 * previous poll: the records of exactly those contacts arrive, each tagged with its contact.
 */
class ConsumerFanOutSourcesTest extends ConsumerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:trackingLogs?listId=3&startFrom=beginning&initialDelay=3600000")
                        .routeId("list").process(ConsumerFanOutSourcesTest.this::recordContact);
                from("activecampaign:trackingLogs?updatedContacts=true&startFrom=beginning&initialDelay=3600000")
                        .routeId("updated").process(ConsumerFanOutSourcesTest.this::recordContact);
            }
        };
    }

    private void recordContact(org.apache.camel.Exchange exchange) {
        delivered.add(exchange.getMessage().getHeader(ActiveCampaignConstants.POLLED_CONTACT_ID) + ":"
                      + exchange.getMessage().getBody(Map.class).get("value"));
    }

    @Test
    void listMembersOnly() throws Exception {
        simulator().seed("{\"contacts\": [" + contact(1, null) + "," + contact(2, null) + "," + contact(3, null) + ","
                         + contact(4, null) + "], \"contactLists\": ["
                         + "{\"contact\":\"1\",\"list\":\"3\",\"status\":\"1\"},"
                         + "{\"contact\":\"2\",\"list\":\"3\",\"status\":\"1\"},"
                         + "{\"contact\":\"3\",\"list\":\"3\",\"status\":\"2\"},"
                         + "{\"contact\":\"4\",\"list\":\"5\",\"status\":\"1\"}]}");
        for (int i = 1; i <= 4; i++) {
            simulator().trackEvent(String.valueOf(i), "visit-" + i, null);
        }
        poll("list");
        assertThat(delivered).containsExactlyInAnyOrder("1:visit-1", "2:visit-2");
        assertThat(simulator().journal("contacts/list")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.query()).containsEntry("listid", List.of("3")));
        assertThat(poll("list")).as("each log once").isZero();
    }

    @Test
    void contactsUpdatedSinceThePreviousPoll() throws Exception {
        Instant now = Instant.now();
        simulator().seed("{\"contacts\": [" + contact(1, now.minus(1, ChronoUnit.HOURS)) + ","
                         + contact(2, now.minus(40, ChronoUnit.DAYS)) + "]}");
        simulator().trackEvent("1", "visit-1", null);
        simulator().trackEvent("2", "visit-2", null);
        poll("updated");
        assertThat(delivered).containsExactly("1:visit-1");
        List<RecordedRequest> contactQueries = simulator().journal("contacts/list");
        assertThat(contactQueries).isNotEmpty()
                .allSatisfy(r -> assertThat(r.query()).containsKey("filters[updated_after]"));
    }

    private static String contact(int id, Instant updated) {
        return "{\"id\":\"" + id + "\",\"email\":\"c" + id + "@example.com\""
               + (updated == null ? "" : ",\"cdate\":\"" + updated + "\",\"udate\":\"" + updated + "\"") + "}";
    }
}
