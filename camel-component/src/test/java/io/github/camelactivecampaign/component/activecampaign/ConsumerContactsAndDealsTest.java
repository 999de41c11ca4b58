// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New or updated contacts and deals (filters[updated_after] and the cursor), and new contacts only (id_greater).
 */
class ConsumerContactsAndDealsTest extends ConsumerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:contacts/list?startFrom=beginning&initialDelay=3600000")
                        .routeId("contacts").process(e -> delivered.add("contact:" + e.getMessage()
                                .getHeader(ActiveCampaignConstants.POLLED_ID)));
                from("activecampaign:contacts/list?newOnly=true&initialDelay=3600000")
                        .routeId("newContacts").process(e -> delivered.add("new:" + e.getMessage()
                                .getHeader(ActiveCampaignConstants.POLLED_ID)));
                from("activecampaign:deals/list?startFrom=beginning&initialDelay=3600000")
                        .routeId("deals").process(e -> delivered.add("deal:" + e.getMessage()
                                .getHeader(ActiveCampaignConstants.POLLED_ID)));
            }
        };
    }

    @Test
    void updatedContactsComeAgainUnchangedOnesDoNot() throws Exception {
        simulator().clock().set(Instant.parse("2024-03-01T12:00:00Z"));
        createContact("a@example.com");
        createContact("b@example.com");
        assertThat(poll("contacts")).isEqualTo(2);
        simulator().clock().advance(Duration.ofMinutes(5));
        template.requestBody("activecampaign:contacts/update?id=1", Map.of("firstName", "Ada"));
        createContact("c@example.com");
        assertThat(poll("contacts")).isEqualTo(2);
        assertThat(poll("contacts")).isZero();
        assertThat(delivered).containsExactly("contact:1", "contact:2", "contact:1", "contact:3");
        // a day before the cursor's day: no time zone can hide a record; the overlap is removed by the cursor
        assertThat(simulator().journal("contacts/list").get(1).query().get("filters[updated_after]"))
                .containsExactly("2024-02-29");
    }

    @Test
    void newOnlyStartsAfterTheNewestContactAndPagesById() throws Exception {
        createContact("old@example.com");
        assertThat(poll("newContacts")).as("startFrom=now: the existing contact is not new").isZero();
        createContact("new1@example.com");
        createContact("new2@example.com");
        template.requestBody("activecampaign:contacts/update?id=1", Map.of("firstName", "Changed"));
        assertThat(poll("newContacts")).isEqualTo(2);
        assertThat(delivered).containsExactly("new:2", "new:3");
        assertThat(simulator().journal("contacts/list")).last()
                .satisfies(r -> assertThat(r.query().get("id_greater")).containsExactly("1"));
    }

    @Test
    void updatedDeals() throws Exception {
        simulator().clock().set(Instant.parse("2024-03-01T12:00:00Z"));
        template.requestBody("activecampaign:deals/create", Map.of("title", "A", "value", "1", "currency", "usd"));
        assertThat(poll("deals")).isEqualTo(1);
        simulator().clock().advance(Duration.ofSeconds(1));
        template.requestBody("activecampaign:deals/update?id=1", Map.of("stage", "2"));
        assertThat(poll("deals")).isEqualTo(1);
        assertThat(delivered).containsExactly("deal:1", "deal:1");
    }

    private void createContact(String email) {
        template.requestBody("activecampaign:contacts/create", Map.of("email", email));
    }
}
