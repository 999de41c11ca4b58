// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.camelactivecampaign.component.activecampaign.client.internal.WaitRecordingClient;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault against GET, PUT, DELETE and POST operations: the first answer is the fault, the second a success.
 * The outcome is either a retry that succeeds (two requests) or a failure with the right exception after one
 * request; a POST is sent twice only when the first certainly was not processed (429).
 */
class ProducerFaultMatrixTest extends ActiveCampaignTestSupport {

    enum Outcome { RETRIED, FAILED }

    record Operation(String method, String uri, Object body) {
        boolean idempotent() {
            return !"POST".equals(method);
        }
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("GET", "activecampaign:deals/get?id=7", null),
            new Operation("PUT", "activecampaign:deals/update?id=7", Map.of("title", "x")),
            new Operation("DELETE", "activecampaign:deals/delete?id=7", null),
            new Operation("POST", "activecampaign:deals/create", Map.of("title", "x")));

    /** Fault name -> the response that carries it, and whether it can be retried for any method. */
    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        String[] faults = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
                            "RANDOM_DATA_THEN_CLOSE", "DELAY_BEYOND_READ_TIMEOUT", "429_WITH_RETRY_AFTER",
                            "429_WITHOUT_RETRY_AFTER", "500", "503" };
        for (String fault : faults) {
            for (Operation operation : OPERATIONS) {
                Outcome expected;
                if (fault.startsWith("429")) {
                    expected = Outcome.RETRIED;
                } else if ("500".equals(fault)) {
                    expected = Outcome.FAILED;
                } else {
                    expected = operation.idempotent() ? Outcome.RETRIED : Outcome.FAILED;
                }
                cells.add(Arguments.of(fault, operation.method(), expected));
            }
        }
        return cells.stream();
    }

    private static ResponseDefinitionBuilder fault(String name) {
        return switch (name) {
            case "DELAY_BEYOND_READ_TIMEOUT" -> aResponse().withStatus(200).withFixedDelay(1500).withBody("{}");
            case "429_WITH_RETRY_AFTER" -> aResponse().withStatus(429).withHeader("Retry-After", "3");
            case "429_WITHOUT_RETRY_AFTER" -> aResponse().withStatus(429);
            case "500" -> aResponse().withStatus(500).withBody("{\"message\":\"boom\"}");
            case "503" -> aResponse().withStatus(503);
            default -> aResponse().withFault(Fault.valueOf(name));
        };
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("matrix")
    void faultOutcome(String faultName, String method, Outcome expected) {
        Operation operation = OPERATIONS.stream().filter(o -> o.method().equals(method)).findFirst().orElseThrow();
        wireMock.stubFor(any(anyUrl()).inScenario("fault").whenScenarioStateIs(STARTED)
                .willReturn(fault(faultName)).willSetStateTo("recovered"));
        wireMock.stubFor(any(anyUrl()).inScenario("fault").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"deal\":{\"id\":\"7\"}}")));

        Exchange exchange;
        List<Duration> waits;
        // the real HTTP client, its waits recorded instead of slept: Retry-After must be the wait, not the backoff
        try (WaitRecordingClient client = new WaitRecordingClient(baseUrl(), TOKEN)) {
            context.getRegistry().bind("waitRecording", client);
            exchange = template.request(operation.uri() + (operation.uri().contains("?") ? "&" : "?")
                                        + "responseTimeout=500&retryBackoff=10&client=#waitRecording",
                    e -> e.getMessage().setBody(operation.body()));
            waits = client.waits();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        int requests = wireMock.getAllServeEvents().size();
        if (expected == Outcome.RETRIED) {
            assertThat(exchange.getException()).as("retried and succeeded").isNull();
            assertThat(requests).isEqualTo(2);
            assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE)).isEqualTo(200);
            if ("429_WITH_RETRY_AFTER".equals(faultName)) {
                assertThat(waits).as("Retry-After, exactly").containsExactly(Duration.ofSeconds(3));
            } else {
                assertThat(waits).as("the first backoff: between half and all of retryBackoff").singleElement()
                        .satisfies(wait -> assertThat(wait.toMillis()).isBetween(5L, 10L));
            }
        } else {
            assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class);
            assertThat(waits).as("no retry, so no wait").isEmpty();
            assertThat(requests).as("sent once: it may have been processed").isEqualTo(1);
            assertThat(exchange.getException().getMessage()).contains("deals/");
            if (faultName.startsWith("DELAY")) {
                assertThat(exchange.getException().getMessage()).contains("timed out")
                        .contains("responseTimeout (500 ms)");
            }
        }
    }
}
