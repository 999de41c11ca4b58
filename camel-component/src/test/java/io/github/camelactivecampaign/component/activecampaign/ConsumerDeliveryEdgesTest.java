// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.processor.state.MemoryStateRepository;
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
    /** Batch index, size and completion of each exchange of the single-record route. */
    private final List<String> batchProperties = new CopyOnWriteArrayList<>();
    /** What the consumers' exception handler was told. */
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final MemoryStateRepository cursors = new MemoryStateRepository();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("recordingHandler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(String.valueOf(exception));
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(message + ": " + exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(message + ": " + exception);
            }
        });
        context.getRegistry().bind("cursors", cursors);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?contactId=1&startFrom=beginning&batch=true&initialDelay=3600000"
                     + "&exceptionHandler=#recordingHandler")
                        .routeId("batch")
                        .process(e -> batchProperties.add("batch of " + e.getProperty(Exchange.BATCH_SIZE) + " "
                                                          + e.getMessage().getHeader(ActiveCampaignConstants.OPERATION)))
                        .process(e -> batches.add(ids(e.getMessage().getBody(List.class))))
                        .process(e -> {
                            if (failBatch.get()) {
                                throw new IllegalStateException("warehouse down");
                            }
                            if (rollBackBatch.get()) {
                                e.setRollbackOnly(true);
                            }
                        });
                from("activecampaign:activities?contactId=1&startFrom=beginning&initialDelay=3600000"
                     + "&exceptionHandler=#recordingHandler&stateRepository=#cursors")
                        .routeId("single")
                        .process(ConsumerDeliveryEdgesTest.this::record)
                        .process(e -> batchProperties.add(e.getProperty(Exchange.BATCH_INDEX) + "/"
                                                          + e.getProperty(Exchange.BATCH_SIZE) + "/"
                                                          + e.getProperty(Exchange.BATCH_COMPLETE)))
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
        assertThat(batchProperties).containsExactly("batch of 3 activities/list", "batch of 3 activities/list");
        assertThat(handled).singleElement().asString().contains("polled again").contains("warehouse down");
    }

    @Test
    void eachRecordKnowsItsPlaceInThePollAndTheCursorIsKeptUnderItsSelection() throws Exception {
        assertThat(poll("single")).isEqualTo(3);
        assertThat(batchProperties).containsExactly("0/3/false", "1/3/false", "2/3/true");
        assertThat(handled).isEmpty();
        assertThat(cursors.getState("activecampaign:activities/list;contactId:1#1")).as("the default cursor key, then the contact")
                .contains("\"ids\":[\"3\"]");
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
        assertThat(handled).singleElement().asString().contains("it and the records after it are polled again");
    }
}
