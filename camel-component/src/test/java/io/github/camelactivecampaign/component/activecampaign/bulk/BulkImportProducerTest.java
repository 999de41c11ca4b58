// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.camelactivecampaign.component.activecampaign.model.Contact;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The bulk import producer against the simulator: batching by count and bytes, any kind of input, refused rows,
 * progress and the summary.
 */
class BulkImportProducerTest extends BulkImportTestSupport {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign = new ActiveCampaignSimulatorExtension(
            ActiveCampaignSimulator.builder().rateLimit(0).bulkImportCompletion(Duration.ofMillis(50)));

    @Override
    protected ActiveCampaignSimulator simulator() {
        return activeCampaign.simulator();
    }

    @BeforeEach
    void quickCompletion() {
        simulator().setBulkImportCompletion(Duration.ofMillis(50));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows")
                        .split(body()).streaming()
                            .to("activecampaign:import/bulkImport?bulkBatchSize=20&bulkLogProgress=false")
                            .filter(exchangeProperty(ExchangePropertyKey.SPLIT_COMPLETE.getName()))
                                .to("mock:summary");
            }
        };
    }

    private BulkImportSummary importAll(String options, Object contacts) {
        return template.requestBody("activecampaign:import/bulkImport" + options, contacts, BulkImportSummary.class);
    }

    @Test
    void sendsAListInBatchesOfAtMost250AndWaitsForTheImport() throws Exception {
        BulkImportSummary summary = importAll("?bulkWaitForCompletion=true&bulkPollInterval=20",
                contacts(600, "list"));

        assertThat(acceptedBatchSizes()).containsExactlyInAnyOrder(250, 250, 100);
        assertThat(summary.batches()).isEqualTo(3);
        assertThat(summary.sent()).isEqualTo(600);
        assertThat(summary.accepted()).isEqualTo(600);
        assertThat(summary.failed()).isZero();
        assertThat(summary.batchIds()).hasSize(3);
        assertThat(summary.completed()).isTrue();
        assertThat(simulator().records("contacts")).hasSize(600)
                .anySatisfy(c -> assertThat(c).containsEntry("email", "list7@example.com")
                        .containsEntry("firstName", "First7"));
    }

    @Test
    void keepsEveryCallUnderThePayloadLimit() throws Exception {
        List<Map<String, Object>> contacts = contacts(300, "big");
        contacts.forEach(c -> c.put("last_name", "x".repeat(3000)));

        BulkImportSummary summary = importAll("", contacts);

        assertThat(summary.sent()).isEqualTo(300);
        List<RecordedRequest> calls = importCalls();
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(400_000);
        });
        // 250 such contacts would be about 760 KB: the byte limit, not the count, cut the batches
        assertThat(acceptedBatchSizes()).hasSizeGreaterThan(2).allMatch(size -> size < 250);
        assertThat(acceptedBatchSizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
    }

    @Test
    void readsAnIteratorLazilyHoldingOneBatchAtATime() throws Exception {
        AtomicLong produced = new AtomicLong();
        List<Long> ahead = new ArrayList<>();
        Iterator<Map<String, Object>> source = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return produced.get() < 1000;
            }

            @Override
            public Map<String, Object> next() {
                long i = produced.getAndIncrement();
                return Map.of("email", "lazy" + i + "@example.com");
            }
        };
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:progress").process(e -> {
                    if (e.getMessage().getBody() instanceof BulkImportProgress progress) {
                        ahead.add(produced.get() - progress.processed());
                    }
                });
            }
        });

        BulkImportSummary summary = importAll("?bulkProgressEndpoint=direct:progress&bulkBatchSize=100"
                                              + "&bulkConcurrency=2", source);

        assertThat(summary.sent()).isEqualTo(1000);
        assertThat(ahead).hasSize(10);
        // when a batch was done, the input had been read at most as far as the batches in flight and the one being
        // filled: the input is never read ahead of what is sent
        assertThat(ahead).allMatch(n -> n <= 3 * 100 + 1);
    }

    @Test
    void takesStreamsArraysJsonModelsAndPojos() throws Exception {
        Contact model = new Contact();
        model.setEmail("model@example.com");
        model.setFirstName("Model");
        model.setId("99"); // an id read from the service is not sent
        Object[] array = { model, new Person("pojo@example.com", "Pojo"), "plain@example.com",
                           "{\"email\":\"json@example.com\",\"last_name\":\"Json\",\"tags\":\"a, b\"}" };

        assertThat(importAll("", array).sent()).isEqualTo(4);
        assertThat(importAll("", Stream.of(Map.of("email", "stream@example.com"))).sent()).isEqualTo(1);
        assertThat(importAll("", "[{\"email\":\"array@example.com\"}]").sent()).isEqualTo(1);
        assertThat(importAll("", Map.of("contacts", List.of(Map.of("email", "shape@example.com")))).sent())
                .isEqualTo(1);

        String first = importCalls().get(0).body();
        assertThat(first).contains("\"first_name\":\"Model\"", "\"first_name\":\"Pojo\"",
                "\"email\":\"plain@example.com\"", "\"tags\":[\"a\",\"b\"]").doesNotContain("\"99\"", "firstName");
    }

    @Test
    void reportsRowsTheServiceRefusesAndImportsTheRest() throws Exception {
        List<Map<String, Object>> contacts = new ArrayList<>(contacts(5, "ok"));
        contacts.add(2, Map.of("email", "not an email"));
        contacts.add(4, Map.of("firstName", "No email"));
        contacts.add(Map.of("email", "invalid.email@invalidDomain"));

        BulkImportSummary summary = importAll("?bulkWaitForCompletion=true&bulkPollInterval=20", contacts);

        assertThat(summary.sent()).isEqualTo(6);
        assertThat(summary.accepted()).isEqualTo(6);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.failures()).extracting(BulkImportFailure::row, BulkImportFailure::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(4L, "not sent: the contact has no email"),
                        org.assertj.core.groups.Tuple.tuple(2L, "refused by the service: Field 'email' incorrect format"),
                        org.assertj.core.groups.Tuple.tuple(-1L,
                                "rejected by the service while importing (GET /import/info)"));
        assertThat(summary.failures()).extracting(BulkImportFailure::email).contains("not an email",
                "invalid.email@invalidDomain");
        // the refused payload was sent once more, without the contact it named
        assertThat(importCalls()).extracting(RecordedRequest::status).containsExactly(400, 200);
        assertThat(simulator().records("contacts")).hasSize(5);
    }

    @Test
    void publishesProgressAfterEachBatchAndTheSummaryAtTheEnd() throws Exception {
        MockEndpoint progress = getMockEndpoint("mock:progress");
        progress.expectedMessageCount(4);

        importAll("?bulkBatchSize=50&bulkConcurrency=1&bulkProgressEndpoint=mock:progress",
                contacts(150, "progress"));

        progress.assertIsSatisfied();
        List<Object> bodies = progress.getExchanges().stream().map(e -> e.getMessage().getBody()).toList();
        assertThat(bodies.subList(0, 3)).allMatch(BulkImportProgress.class::isInstance);
        BulkImportProgress second = (BulkImportProgress) bodies.get(1);
        assertThat(second.batches()).isEqualTo(2);
        assertThat(second.sent()).isEqualTo(100);
        assertThat(second.total()).isEqualTo(150);
        assertThat(second.eta()).isNotNull();
        assertThat(second.contactsPerMinute()).isPositive();
        assertThat(second.toString()).contains("batch 2: 100/150 sent, 100 accepted, 0 failed", "contacts/min",
                "ETA");
        assertThat(bodies.get(3)).isInstanceOfSatisfying(BulkImportSummary.class,
                s -> assertThat(s.sent()).isEqualTo(150));
    }

    @Test
    void aggregatesContactsOfASplitOneAtATime() throws Exception {
        MockEndpoint summaries = getMockEndpoint("mock:summary");
        summaries.expectedMessageCount(1);

        template.sendBody("direct:rows", contacts(50, "split"));

        summaries.assertIsSatisfied();
        assertThat(acceptedBatchSizes()).containsExactlyInAnyOrder(20, 20, 10);
        assertThat(summaries.getExchanges().get(0).getMessage().getBody(BulkImportSummary.class).sent())
                .isEqualTo(50);
    }

    @Test
    void sendsAPartialBatchOnceNoContactCameForTheFlushTimeout() {
        for (Map<String, Object> contact : contacts(5, "idle")) {
            template.sendBody("activecampaign:import/bulkImport?bulkFlushTimeout=100", contact);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator().records("contacts").size() == 5);
        assertThat(importCalls()).singleElement().satisfies(call -> assertThat(call.status()).isEqualTo(200));
    }

    @Test
    void refusesABatchSizeOverTheServiceLimitBeforeAnyCall() {
        assertThatThrownBy(() -> importAll("?bulkBatchSize=300", contacts(1, "x")))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bulkBatchSize must be between 1 and 250");
        assertThat(importCalls()).isEmpty();
    }

    /** Any POJO with bean properties. */
    public record Person(String email, String firstName) {
    }
}
