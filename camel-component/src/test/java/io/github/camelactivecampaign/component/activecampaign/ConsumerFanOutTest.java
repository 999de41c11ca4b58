// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.List;

import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracking logs of every contact with a tag, within a budget of requests per poll: the contacts not reached are
 * polled first the next time, and every log arrives once.
 */
class ConsumerFanOutTest extends ConsumerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:trackingLogs?tagId=5&requestsPerPoll=4&startFrom=beginning&initialDelay=3600000")
                        .routeId("logs")
                        .process(e -> delivered.add(e.getMessage().getHeader(ActiveCampaignConstants.POLLED_CONTACT_ID)
                                                    + ":" + e.getMessage().getBody(java.util.Map.class).get("value")));
            }
        };
    }

    @Test
    void fanOutStaysWithinTheRequestBudgetAndReachesEveryContact() throws Exception {
        StringBuilder seed = new StringBuilder("{\"contacts\": [");
        for (int i = 1; i <= 7; i++) {
            seed.append("{\"id\":\"").append(i).append("\",\"email\":\"c").append(i).append("@example.com\"},");
        }
        seed.setLength(seed.length() - 1);
        seed.append("], \"contactTags\": [");
        for (int i = 1; i <= 6; i++) {
            seed.append("{\"contact\":\"").append(i).append("\",\"tag\":\"5\"},");
        }
        seed.setLength(seed.length() - 1);
        simulator().seed(seed.append("]}").toString());
        for (int i = 1; i <= 7; i++) {
            simulator().trackEvent(String.valueOf(i), "visit-" + i, null);
        }

        int[] requestsPerPoll = new int[3];
        for (int poll = 0; poll < 3; poll++) {
            int before = simulator().journal().size();
            poll("logs");
            requestsPerPoll[poll] = simulator().journal().size() - before;
        }
        for (int requests : requestsPerPoll) {
            assertThat(requests).as("requests in one poll").isLessThanOrEqualTo(4);
        }
        assertThat(delivered).containsExactlyInAnyOrder("1:visit-1", "2:visit-2", "3:visit-3", "4:visit-4",
                "5:visit-5", "6:visit-6");
        List<RecordedRequest> logRequests = simulator().journal("contacts/trackingLogs");
        assertThat(logRequests).extracting(RecordedRequest::path).noneMatch(p -> p.contains("/contacts/7/"));
    }
}
