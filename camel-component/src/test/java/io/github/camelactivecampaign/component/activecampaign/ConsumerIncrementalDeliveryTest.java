// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.model.Activity;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activities arrive once each, across polls and pages, in time order then id; batch=true delivers a poll as one
 * list.
 */
class ConsumerIncrementalDeliveryTest extends ConsumerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?contactId=1&startFrom=beginning&startScheduler=true"
                     + "&initialDelay=3600000&outputClass=" + Activity.class.getName())
                        .routeId("activities").process(ConsumerIncrementalDeliveryTest.this::record)
                        .to("mock:activities");
                from("activecampaign:activities?contactId=1&startFrom=2024-03-01T04:00:00Z&accountTimeZone=UTC"
                     + "&initialDelay=3600000")
                        .routeId("wrongZone").to("mock:wrongZone");
                from("activecampaign:activities/list?contact=1&startFrom=beginning&batch=true"
                     + "&initialDelay=3600000")
                        .routeId("batch").to("mock:batch");
            }
        };
    }

    @Test
    void newActivitiesArriveOnceAcrossPollsInTimeOrder() throws Exception {
        simulator().clock().set(Instant.parse("2024-03-01T12:00:00Z"));
        Map<String, String> first = new LinkedHashMap<>();
        // seeded out of order: delivery follows tstamp, then id
        first.put("3", "2024-03-01T06:00:02-06:00");
        first.put("1", "2024-03-01T06:00:01-06:00");
        first.put("2", "2024-03-01T06:00:01-06:00");
        seedActivities(first);
        assertThat(poll("activities")).isEqualTo(3);
        assertThat(delivered).containsExactly("1", "2", "3");

        assertThat(poll("activities")).as("nothing new").isZero();

        Map<String, String> more = new LinkedHashMap<>();
        for (int i = 4; i <= 250; i++) {
            more.put(String.valueOf(i), Instant.parse("2024-03-01T12:01:00Z").plusSeconds(i).toString());
        }
        seedActivities(more);
        assertThat(poll("activities")).as("three pages of 100").isEqualTo(247);
        assertThat(delivered).hasSize(250).doesNotHaveDuplicates();
        assertThat(delivered.subList(3, 6)).containsExactly("4", "5", "6");
        MockEndpoint mock = getMockEndpoint("mock:activities");
        assertThat(mock.getExchanges().get(0).getMessage().getBody()).isInstanceOf(Activity.class);
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(ActiveCampaignConstants.POLLED_TIME))
                .isEqualTo(Instant.parse("2024-03-01T12:00:01Z"));
        assertThat(mock.getExchanges().get(1).getProperty("CamelBatchIndex")).isEqualTo(1);
    }

    @Test
    void activitiesOfRealChangesShowUp() throws Exception {
        simulator().clock().set(Instant.parse("2024-03-01T12:00:00Z"));
        simulator().seed("{\"contacts\": [{\"id\": \"1\", \"email\": \"ada@example.com\"}]}");
        template.requestBodyAndHeader("activecampaign:deals/create",
                Map.of("title", "A", "value", "1", "currency", "usd", "contact", "1"), "x", "y");
        simulator().clock().advance(Duration.ofSeconds(5));
        template.requestBodyAndHeader("activecampaign:deals/createNote?id=1", Map.of("note", "hello"), "x", "y");
        assertThat(poll("activities")).isEqualTo(2);
        List<Object> types = getMockEndpoint("mock:activities").getExchanges().stream()
                .map(e -> (Object) e.getMessage().getBody(Activity.class).getReferenceType()).toList();
        assertThat(types).containsExactly("Deal", "Note");
    }

    @Test
    void aWrongAccountTimeZoneHidesNothing() throws Exception {
        // 04:30Z is still February 29 in the simulated account (Chicago); the consumer believes UTC, March 1
        seedActivities(Map.of("1", "2024-02-29T22:30:00-06:00"));
        assertThat(poll("wrongZone")).isEqualTo(1);
        assertThat(simulator().journal("activities/list").get(0).query().get("after"))
                .containsExactly("2024-02-29");
    }

    @Test
    void batchDeliversOnePollAsOneList() throws Exception {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("1", "2024-03-01T06:00:01-06:00");
        records.put("2", "2024-03-01T06:00:02-06:00");
        seedActivities(records);
        assertThat(poll("batch")).isEqualTo(2);
        MockEndpoint mock = getMockEndpoint("mock:batch");
        assertThat(mock.getExchanges()).hasSize(1);
        List<?> body = mock.getExchanges().get(0).getMessage().getBody(List.class);
        assertThat(body).hasSize(2);
        assertThat(poll("batch")).isZero();
    }
}
