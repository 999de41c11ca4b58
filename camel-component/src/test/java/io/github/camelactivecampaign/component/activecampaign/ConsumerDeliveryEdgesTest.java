// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor moves only past what a route completed: a batch whose route fails and an exchange marked rollback-only
 * (no exception, the route said "not done") are delivered again by the next poll; what completed is not.
 */
class ConsumerDeliveryEdgesTest extends ConsumerTestSupport {

    private final AtomicBoolean failBatch = new AtomicBoolean();
    private final AtomicBoolean rollBackRecord2 = new AtomicBoolean();
    private final AtomicBoolean rollBackBatch = new AtomicBoolean();
    /** The record ids of each batch received. */
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?contactId=1&startFrom=beginning&batch=true&initialDelay=3600000")
                        .routeId("batch")
                        .process(e -> batches.add(ids(e.getMessage().getBody(List.class))))
                        .process(e -> {
                            if (failBatch.get()) {
                                throw new IllegalStateException("warehouse down");
                            }
                            if (rollBackBatch.get()) {
                                e.setRollbackOnly(true);
                            }
                        });
                from("activecampaign:activities?contactId=1&startFrom=beginning&initialDelay=3600000")
                        .routeId("single")
                        .process(ConsumerDeliveryEdgesTest.this::record)
                        .process(e -> {
                            if ("2".equals(e.getMessage().getHeader(ActiveCampaignConstants.POLLED_ID))
                                && rollBackRecord2.getAndSet(false)) {
                                e.setRollbackOnly(true);
                            }
                        });
            }
        };
    }

    private static List<String> ids(List<?> records) {
        return records.stream().map(r -> String.valueOf(((Map<?, ?>) r).get("id"))).toList();
    }

    @BeforeEach
    void seedThree() {
        Map<String, String> activities = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            activities.put(String.valueOf(i), "2024-03-01T12:00:0" + i + "Z");
        }
        seedActivities(activities);
    }

    @Test
    void failedBatchIsDeliveredAgainWhole() throws Exception {
        failBatch.set(true);
        assertThat(poll("batch")).as("nothing committed").isZero();
        failBatch.set(false);
        assertThat(poll("batch")).isEqualTo(3);
        assertThat(poll("batch")).as("committed once the route completed").isZero();
        assertThat(batches).containsExactly(List.of("1", "2", "3"), List.of("1", "2", "3"));
    }

    @Test
    void batchMarkedRollbackOnlyIsDeliveredAgain() throws Exception {
        rollBackBatch.set(true);
        assertThat(poll("batch")).isZero();
        rollBackBatch.set(false);
        assertThat(poll("batch")).isEqualTo(3);
        assertThat(poll("batch")).isZero();
        assertThat(batches).hasSize(2);
    }

    @Test
    void recordMarkedRollbackOnlyAndTheOnesAfterItComeAgain() throws Exception {
        rollBackRecord2.set(true);
        assertThat(poll("single")).as("1 committed; 2 rolled back, so 3 waits").isEqualTo(1);
        assertThat(delivered).containsExactly("1", "2");
        assertThat(poll("single")).isEqualTo(2);
        assertThat(delivered).containsExactly("1", "2", "2", "3");
        assertThat(poll("single")).isZero();
    }
}
