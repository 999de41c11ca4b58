// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records sharing one timestamp straddle poll boundaries (the service filters by day, so every poll sees them
 * all again): each is delivered once.
 */
class ConsumerOverlapWindowTest extends ConsumerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?contactId=1&startFrom=beginning&maxMessagesPerPoll=2"
                     + "&initialDelay=3600000")
                        .routeId("activities").process(ConsumerOverlapWindowTest.this::record);
            }
        };
    }

    @Test
    void sameTimestampAcrossPollBoundariesIsDeliveredOnce() throws Exception {
        Map<String, String> activities = new LinkedHashMap<>();
        for (String id : new String[] { "10", "11", "12", "13", "14" }) {
            activities.put(id, "2024-03-01T12:00:00Z");
        }
        activities.put("15", "2024-03-01T12:00:01Z");
        seedActivities(activities);
        assertThat(poll("activities")).isEqualTo(2);
        assertThat(poll("activities")).isEqualTo(2);
        // a record with the same timestamp appears between polls
        seedActivities(Map.of("9", "2024-03-01T12:00:00Z"));
        assertThat(poll("activities")).isEqualTo(2);
        assertThat(poll("activities")).isEqualTo(1);
        assertThat(poll("activities")).isZero();
        assertThat(delivered).containsExactly("10", "11", "12", "13", "9", "14", "15");
    }
}
