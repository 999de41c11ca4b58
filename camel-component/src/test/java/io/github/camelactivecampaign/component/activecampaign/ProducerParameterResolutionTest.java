// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.client.internal.WaitRecordingClient;
import io.github.camelactivecampaign.component.activecampaign.model.Deal;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where parameters come from (header, then URI option, then body for ids), bracketed query parameters, body
 * envelopes, typed output and response headers.
 */
class ProducerParameterResolutionTest extends ActiveCampaignTestSupport {

    private static final String DEAL = "{\"deal\":{\"id\":\"7\",\"title\":\"Big deal\",\"value\":\"10000\","
                                       + "\"stage\":\"2\",\"hash\":\"ab12\"}}";

    private void respond(String body) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private Exchange call(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(headers);
        });
    }

    @Test
    void headerWinsOverTheUriOption() {
        respond(DEAL);
        call("activecampaign:deals/update?id=7", Map.of("title", "x"), Map.of("CamelActiveCampaignId", "8"));
        wireMock.verify(putRequestedFor(urlPathEqualTo("/api/3/deals/8")));
    }

    @Test
    void idFromTheBodyWhenNeitherHeaderNorOption() {
        respond(DEAL);
        call("activecampaign:deals/update", Map.of("deal", Map.of("id", 9, "title", "x")), Map.of());
        wireMock.verify(putRequestedFor(urlPathEqualTo("/api/3/deals/9"))
                .withRequestBody(equalToJson("{\"deal\":{\"id\":9,\"title\":\"x\"}}")));
    }

    @Test
    void scalarBodyIsTheIdOfAReadOperation() {
        respond(DEAL);
        call("activecampaign:deals/get", 11, Map.of());
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/3/deals/11")));
    }

    @Test
    void pathTraversalInAnIdStaysInOneSegment() {
        respond("{}");
        call("activecampaign:deals/createNote", Map.of("note", "n"), Map.of("CamelActiveCampaignId", "1/../../users"));
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getUrl())
                .isEqualTo("/api/3/deals/1%2F..%2F..%2Fusers/notes");
    }

    @Test
    void queryAndFragmentCharactersInAnIdAreEncoded() {
        respond("{}");
        call("activecampaign:eventTrackingEvents/delete", null, Map.of("CamelActiveCampaignEventName", "a?b#c%2Fd"));
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getUrl())
                .isEqualTo("/api/3/eventTrackingEvents/a%3Fb%23c%252Fd");
    }

    @Test
    void bracketParametersFromTheUriAsOnTheWire() {
        respond("{\"contacts\":[],\"meta\":{\"total\":\"0\"}}");
        call("activecampaign:contacts/list?filters[updated_after]=2024-01-01&orders[id]=ASC", null, Map.of());
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/3/contacts"))
                .withQueryParam("filters[updated_after]", equalTo("2024-01-01"))
                .withQueryParam("orders[id]", equalTo("ASC")));
    }

    @Test
    void bracketParametersFromOptionsAndHeaders() {
        respond("{\"contacts\":[]}");
        call("activecampaign:contacts/list?filtersUpdatedAfter=2024-01-01", null,
                Map.of("CamelActiveCampaignOrdersId", "DESC"));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/3/contacts"))
                .withQueryParam("filters[updated_after]", equalTo("2024-01-01"))
                .withQueryParam("orders[id]", equalTo("DESC")));
    }

    @Test
    void undeclaredOperatorParametersPassThrough() {
        respond("{\"lists\":[]}");
        call("activecampaign:lists/list?filters[name][contains]=news", null,
                Map.of(ActiveCampaignConstants.QUERY_PARAMETERS, Map.of("orders[name]", "ASC")));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/3/lists"))
                .withQueryParam("filters[name][contains]", equalTo("news"))
                .withQueryParam("orders[name]", equalTo("ASC")));
    }

    @Test
    void repeatedArrayParameter() {
        respond("{}");
        call("activecampaign:accounts/bulkDelete", null, Map.of("CamelActiveCampaignIds", List.of(1, 2, 3)));
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getUrl())
                .isEqualTo("/api/3/accounts/bulk_delete?ids%5B%5D=1&ids%5B%5D=2&ids%5B%5D=3");
    }

    @Test
    void bodyAlreadyInItsEnvelopeIsNotWrappedTwice() {
        respond(DEAL);
        call("activecampaign:deals/update?id=7", "{\"deal\":{\"title\":\"x\"}}", Map.of());
        wireMock.verify(putRequestedFor(urlPathEqualTo("/api/3/deals/7"))
                .withRequestBody(equalToJson("{\"deal\":{\"title\":\"x\"}}")));
    }

    @Test
    void fieldNamedLikeTheEnvelopeIsStillWrapped() {
        respond("{}");
        call("activecampaign:deals/createNote?id=7", Map.of("note", "Call back on Monday"), Map.of());
        wireMock.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/api/3/deals/7/notes"))
                .withRequestBody(equalToJson("{\"note\":{\"note\":\"Call back on Monday\"}}")));
    }

    @Test
    void pojoAndJsonNodeBodiesAreWrapped() {
        respond(DEAL);
        Deal deal = new Deal();
        deal.setTitle("Pojo");
        call("activecampaign:deals/update?id=7", deal, Map.of());
        call("activecampaign:deals/update?id=7", new ObjectMapper().createObjectNode().put("title", "Node"), Map.of());
        wireMock.verify(putRequestedFor(urlPathEqualTo("/api/3/deals/7"))
                .withRequestBody(equalToJson("{\"deal\":{\"title\":\"Pojo\"}}")));
        wireMock.verify(putRequestedFor(urlPathEqualTo("/api/3/deals/7"))
                .withRequestBody(equalToJson("{\"deal\":{\"title\":\"Node\"}}")));
    }

    @Test
    void outputClassGivesTheTypedResult() {
        respond(DEAL);
        Exchange exchange = call("activecampaign:deals/get?id=7&outputClass="
                                 + Deal.class.getName(), null, Map.of());
        Deal deal = exchange.getMessage().getBody(Deal.class);
        assertThat(deal.getId()).isEqualTo("7");
        assertThat(deal.getTitle()).isEqualTo("Big deal");
        assertThat(deal.getOther()).containsEntry("hash", "ab12");
    }

    @Test
    void outputClassOnAListGivesAListOfModels() {
        respond("{\"deals\":[{\"id\":1,\"title\":\"a\"},{\"id\":\"2\",\"title\":\"b\"}],\"meta\":{\"total\":2}}");
        Exchange exchange = call("activecampaign:deals/list?outputClass=" + Deal.class.getName(), null, Map.of());
        List<?> deals = exchange.getMessage().getBody(List.class);
        assertThat(deals).hasSize(2).allMatch(Deal.class::isInstance);
        assertThat(((Deal) deals.get(0)).getId()).isEqualTo("1");
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.TOTAL)).isEqualTo(2L);
    }

    @Test
    void defaultBodyIsTheWholeResponseAsAMap() {
        respond(DEAL);
        Exchange exchange = call("activecampaign:deals/get?id=7", null, Map.of());
        Map<?, ?> body = exchange.getMessage().getBody(Map.class);
        assertThat(((Map<?, ?>) body.get("deal")).get("title")).isEqualTo("Big deal");
    }

    @Test
    void retriesOnceAfterRetryAfterOn429() throws Exception {
        wireMock.stubFor(any(anyUrl()).inScenario("limit").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
                .willSetStateTo("open"));
        wireMock.stubFor(any(anyUrl()).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("RateLimit-Remaining", "4").withBody(DEAL)));
        try (WaitRecordingClient client = new WaitRecordingClient(baseUrl(), TOKEN)) {
            context.getRegistry().bind("waitRecording", client);
            Exchange exchange = call("activecampaign:deals/create?client=#waitRecording", Map.of("title", "x"),
                    Map.of());
            assertThat(exchange.getException()).isNull();
            assertThat(wireMock.getAllServeEvents()).hasSize(2);
            // the wait is Retry-After's, not the backoff's, and the whole account held back as long
            assertThat(client.waits()).containsExactly(Duration.ofSeconds(3));
            assertThat(client.pauses()).containsExactly(Duration.ofSeconds(3));
            assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.RATE_LIMIT_REMAINING)).isEqualTo("4");
        }
    }

    @Test
    void rateLimitAnswersUntilMaxAttemptsFail() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        Exchange exchange = call("activecampaign:deals/get?id=7&maxAttempts=3", null, Map.of());
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("HTTP 429");
        assertThat(wireMock.getAllServeEvents()).hasSize(3);
    }
}
