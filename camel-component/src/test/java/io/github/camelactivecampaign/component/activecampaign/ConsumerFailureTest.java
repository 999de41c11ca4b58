// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelactivecampaign.simulator.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A record whose route fails is not committed: it and the records after it come again with the next poll, the
 * ones before it do not. A poll that fails (429 or 503 on every attempt) moves nothing.
 */
class ConsumerFailureTest extends ConsumerTestSupport {

    private final AtomicBoolean failOnce = new AtomicBoolean(true);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?contactId=1&startFrom=beginning&initialDelay=3600000")
                        .routeId("activities")
                        .process(ConsumerFailureTest.this::record)
                        .process(e -> {
                            if ("4".equals(e.getMessage().getHeader(ActiveCampaignConstants.POLLED_ID))
                                && failOnce.getAndSet(false)) {
                                throw new IllegalStateException("downstream system unavailable");
                            }
                        });
            }
        };
    }

    private void seedSix() {
        Map<String, String> activities = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            activities.put(String.valueOf(i), "2024-03-01T12:00:0" + i + "Z");
        }
        seedActivities(activities);
    }

    @Test
    void failedRecordAndTheOnesAfterItComeAgain() throws Exception {
        seedSix();
        assertThat(poll("activities")).as("1, 2, 3 delivered; 4 failed").isEqualTo(3);
        assertThat(delivered).containsExactly("1", "2", "3", "4");
        assertThat(poll("activities")).isEqualTo(3);
        assertThat(delivered).containsExactly("1", "2", "3", "4", "4", "5", "6");
        assertThat(poll("activities")).isZero();
    }

    @Test
    void pollThatKeepsGetting429MovesNothing() throws Exception {
        seedSix();
        simulator().failNext(3, Fault.status(429).withRetryAfter(0));
        assertThatThrownBy(() -> poll("activities")).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("HTTP 429");
        assertThat(delivered).isEmpty();
        failOnce.set(false);
        assertThat(poll("activities")).isEqualTo(6);
        assertThat(delivered).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void singleRateLimitAnswerIsRetriedWithinThePoll() throws Exception {
        seedSix();
        failOnce.set(false);
        simulator().failNext(1, Fault.status(429).withRetryAfter(0));
        assertThat(poll("activities")).isEqualTo(6);
    }

    @Test
    void droppedConnectionDuringAPollIsRetriedAndNothingIsDeliveredTwice() throws Exception {
        seedSix();
        failOnce.set(false);
        simulator().failNext(1, Fault.dropConnection());
        assertThat(poll("activities")).isEqualTo(6);
        simulator().failNext(3, Fault.dropConnection());
        assertThatThrownBy(() -> poll("activities")).isInstanceOf(ActiveCampaignException.class);
        assertThat(poll("activities")).isZero();
        assertThat(delivered).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void serverErrorFailsThePollAndTheNextOneDeliversEverything() throws Exception {
        seedSix();
        failOnce.set(false);
        // three attempts (maxAttempts), three 503s: the poll fails
        simulator().failNext(3, Fault.status(503));
        assertThatThrownBy(() -> poll("activities")).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(poll("activities")).isEqualTo(6);
    }
}
