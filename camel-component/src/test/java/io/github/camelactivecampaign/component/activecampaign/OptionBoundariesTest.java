// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.List;
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

    @Test
    void serviceErrorsAreWrittenOutEachOnce() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(422).withBody("{\"errors\":["
                + "{\"title\":\"Same\",\"detail\":\"Same\"},"
                + "{\"detail\":\"Only a detail\"},"
                + "{\"title\":\"Title\",\"detail\":\"Detail\",\"code\":\"c\",\"source\":{\"pointer\":\"/data/x\"}}]}")));
        String failure = outcome("activecampaign:deals/get?id=7", Map.of());
        assertThat(failure).contains("HTTP 422 Unprocessable Entity: Same; Only a detail; Title (Detail) at /data/x. "
                                     + "Fix the request body fields");
    }

    @Test
    void bodyInTheExceptionIsCutAfter2048Characters() {
        String exact = "x".repeat(2048);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody(exact)));
        ActiveCampaignException whole = (ActiveCampaignException) template.request(
                "activecampaign:deals/get?id=7&maxAttempts=1", e -> { }).getException();
        assertThat(whole.getResponseBody()).isEqualTo(exact);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody(exact + "y")));
        ActiveCampaignException cut = (ActiveCampaignException) template.request(
                "activecampaign:deals/get?id=7&maxAttempts=1", e -> { }).getException();
        assertThat(cut.getResponseBody()).isEqualTo(exact + "... (2049 characters)");
    }

    @Test
    void severalValuesForASingleValuedParameterAreJoined() {
        assertThat(outcome("activecampaign:deals/list", Map.of("CamelActiveCampaignFiltersTitle", List.of("a", "b"))))
                .isNull();
        assertThat(outcome("activecampaign:deals/list", Map.of("CamelActiveCampaignFiltersTitle",
                new String[] { "c", "d" }))).isNull();
        assertThat(wireMock.getAllServeEvents()).extracting(e -> e.getRequest().queryParameter("filters[title]")
                .firstValue()).containsExactlyInAnyOrder("a,b", "c,d");
    }

    @Test
    void arrayParameterSendsEachValue() {
        assertThat(outcome("activecampaign:accounts/bulkDelete", Map.of("CamelActiveCampaignIds", "1, 2"))).isNull();
        assertThat(outcome("activecampaign:accounts/bulkDelete", Map.of("CamelActiveCampaignIds", List.of(3, 4))))
                .isNull();
        assertThat(wireMock.getAllServeEvents()).extracting(e -> e.getRequest().queryParameter("ids[]").values())
                .containsExactlyInAnyOrder(List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void inBodyNamesAQueryParameterByOptionOrWireName() {
        assertThat(template.request("activecampaign:deals/list?inBody=filtersTitle", e -> e.getMessage().setBody("x"))
                .getException()).isNull();
        assertThat(template.request("activecampaign:deals/list?inBody=filters[title]",
                e -> e.getMessage().setBody("y")).getException()).isNull();
        assertThat(template.request("activecampaign:deals/list?inBody=filtersTitle", e -> {
            e.getMessage().setBody("ignored");
            e.getMessage().setHeader("CamelActiveCampaignFiltersTitle", "header wins");
        }).getException()).isNull();
        assertThat(wireMock.getAllServeEvents()).extracting(e -> e.getRequest().queryParameter("filters[title]")
                .firstValue()).containsExactlyInAnyOrder("x", "y", "header wins");
    }

    @Test
    void rawQueryNameThatStartsWithABracket() {
        assertThat(outcome("activecampaign:deals/list", Map.of(ActiveCampaignConstants.QUERY_PARAMETERS,
                Map.of("[title]", "x")))).contains("query parameter '[title]' is not a valid name");
    }

    @Test
    void eventNameOf32CharactersIsTheLongest() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":1}")));
        assertThat(template.request("activecampaign:eventTracking/track", e -> e.getMessage().setBody(
                Map.of("event", "e".repeat(32), "email", "a@example.com"))).getException()).isNull();
        assertThat(template.request("activecampaign:eventTracking/track", e -> e.getMessage().setBody(
                Map.of("event", "e".repeat(33), "email", "a@example.com"))).getException())
                .hasMessageContaining("event must be 1 to 32 characters");
    }
}
