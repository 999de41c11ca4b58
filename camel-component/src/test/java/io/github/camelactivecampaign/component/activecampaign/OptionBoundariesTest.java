// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each limit on both sides of its edge: the last value accepted and the first refused, and the hint each failure
 * status carries.
 */
class OptionBoundariesTest extends ActiveCampaignTestSupport {

    @BeforeEach
    void answerEverything() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"deals\":[]}")));
    }

    /** The messages of the failure of a call, or null when it succeeded. */
    private String outcome(String uri, Map<String, Object> headers) {
        try {
            Exchange exchange = template.request(uri, e -> e.getMessage().setHeaders(headers));
            return exchange.getException() == null ? null : ProducerHardeningTest.messages(exchange.getException());
        } catch (RuntimeException e) {
            return ProducerHardeningTest.messages(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "activecampaign:deals/list?maxAttempts=1      |",
        "activecampaign:deals/list?maxAttempts=0      | maxAttempts must be 1 or more (1: no retries), was 0",
        "activecampaign:deals/list?pageSize=1         |",
        "activecampaign:deals/list?pageSize=100       |",
        "activecampaign:deals/list?pageSize=0         | pageSize must be between 1 and 100 (ActiveCampaign's largest page), was 0",
        "activecampaign:deals/list?pageSize=101       | pageSize must be between 1 and 100",
        "activecampaign:deals/list?consumerShare=1    |",
        "activecampaign:deals/list?consumerShare=0    | consumerShare must be more than 0 and at most 1, was 0.0",
        "activecampaign:deals/list?consumerShare=1.01 | consumerShare must be more than 0 and at most 1, was 1.01",
        "activecampaign:deals/list?accountTimeZone=Mars/Olympus | accountTimeZone 'Mars/Olympus' is not a time zone",
        "activecampaign:deals/list?limit=1            |",
        "activecampaign:deals/list?limit=100          |",
        "activecampaign:deals/list?limit=0            | deals/list: limit must be between 1 and 100 (ActiveCampaign's largest page), was 0",
        "activecampaign:deals/list?limit=101          | was 101; use paginate=true to read more records",
        "activecampaign:deals/list?offset=0           |",
        "activecampaign:deals/list?offset=-1          | deals/list: offset must be 0 or more, was -1",
        "activecampaign:deals/list?filtersStage=3     |",
        "activecampaign:deals/list?filtersStage=x3    | deals/list: filtersStage must be a whole number, was 'x3'",
        "activecampaign:deals/get?id=2147483647       |",
        "activecampaign:deals/get?id=2147483648       | deals/get: id is larger than an endpoint option holds (2147483647), was '2147483648'; give it in the header CamelActiveCampaignId",
    })
    void optionEdges(String uri, String refusal) {
        String failure = outcome(uri.strip(), Map.of());
        if (refusal == null) {
            assertThat(failure).as(uri).isNull();
        } else {
            assertThat(failure).as(uri).contains(refusal.strip());
        }
    }

    @Test
    void largeIdsGoInTheHeader() {
        assertThat(outcome("activecampaign:deals/get", Map.of("CamelActiveCampaignId", "9223372036854775807")))
                .isNull();
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getUrl()).endsWith("/deals/9223372036854775807");
    }

    @Test
    void valueCutInTheMessageWhenLong() {
        String failure = outcome("activecampaign:deals/list", Map.of("CamelActiveCampaignFiltersStage", "x".repeat(100)));
        assertThat(failure).contains("was '" + "x".repeat(64) + "... (100 characters)'");
        failure = outcome("activecampaign:deals/list", Map.of("CamelActiveCampaignFiltersStage", "y".repeat(64)));
        assertThat(failure).contains("was '" + "y".repeat(64) + "'");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource(delimiter = '|', value = {
        "401 | Check apiKey: it must be the API token of the account that baseUrl points to",
        "403 | Check apiKey",
        "404 | Check the ids in the request",
        "422 | Fix the request body fields named above",
        "429 | The account's rate limit (5 requests/second) was exceeded even after waiting Retry-After",
        "300 | Redirects are not followed, so the token never goes to another host",
        "399 | Redirects are not followed",
        "500 | The service failed; try again later",
        "599 | The service failed",
    })
    void eachFailureStatusCarriesItsHint(int status, String hint) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withBody("{\"message\":\"You are not authorized to access this resource\"}")));
        assertThat(outcome("activecampaign:deals/get?id=7&maxAttempts=1", Map.of()))
                .contains("HTTP " + status).contains(hint.strip());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({ "400", "409", "299" })
    void otherStatusesCarryNoHint(int status) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody("{\"message\":\"no\"}")));
        String failure = outcome("activecampaign:deals/get?id=7&maxAttempts=1", Map.of());
        if (status < 300) {
            assertThat(failure).as("a success").isNull();
        } else {
            assertThat(failure).contains("HTTP " + status + " ").endsWith(": no\n");
        }
    }
}
