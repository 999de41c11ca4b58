// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes on the wire: JSON bodies labelled as JSON, forms as forms; the pager starting at the user's own offset;
 * a tracking refusal (200 with success 0) made an error.
 */
class ProducerWireContractTest extends ActiveCampaignTestSupport {

    @Test
    void jsonBodiesAreLabelledJson() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"deal\":{\"id\":\"7\"}}")));
        template.request("activecampaign:deals/create", e -> e.getMessage().setBody(Map.of("title", "x")));
        template.request("activecampaign:deals/update?id=7", e -> e.getMessage().setBody("{\"title\":\"y\"}"));
        List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(2).allSatisfy(r -> {
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            assertThat(r.getHeader("Accept")).isEqualTo("application/json");
        });
    }

    @Test
    void readsCarryNoBodyAndNoContentType() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"deal\":{\"id\":\"7\"}}")));
        template.request("activecampaign:deals/get?id=7", e -> e.getMessage().setBody(Map.of("ignored", true)));
        LoggedRequest request = wireMock.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(request.containsHeader("Content-Type")).isFalse();
        assertThat(request.getBodyAsString()).isEmpty();
    }

    @Test
    void trackingFormIsLabelledAForm() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":1}")));
        template.request("activecampaign:eventTracking/track",
                e -> e.getMessage().setBody(Map.of("event", "e", "email", "a@example.com")));
        assertThat(wireMock.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Content-Type"))
                .isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
    }

    @Test
    void trackingRefusalIsAnError() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":0,\"message\":\"Event tracking is disabled\"}")));
        Exchange exchange = template.request("activecampaign:eventTracking/track",
                e -> e.getMessage().setBody(Map.of("event", "e", "email", "a@example.com")));
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("eventTracking/track was refused: Event tracking is disabled")
                .hasMessageContaining("trackingSecret");
        assertThat(((ActiveCampaignException) exchange.getException()).getHttpResponseCode()).isEqualTo(200);
    }

    @Test
    void pagerStartsAtTheUsersOffsetAndMovesOnFromIt() {
        for (int offset : new int[] { 200, 202, 204 }) {
            int records = offset == 204 ? 1 : 2;
            StringBuilder page = new StringBuilder("{\"deals\":[");
            for (int i = 0; i < records; i++) {
                page.append(i == 0 ? "" : ",").append("{\"id\":\"").append(offset + i + 1).append("\"}");
            }
            wireMock.stubFor(get(urlPathEqualTo("/api/3/deals")).withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .willReturn(aResponse().withStatus(200).withBody(page.append("]}").toString())));
        }
        Exchange exchange = template.request("activecampaign:deals/list?paginate=true&offset=200&pageSize=2", e -> { });
        assertThat(exchange.getException()).isNull();
        List<String> ids = new ArrayList<>();
        exchange.getMessage().getBody(Iterator.class).forEachRemaining(r -> ids.add(String.valueOf(((Map<?, ?>) r).get("id"))));
        assertThat(ids).containsExactly("201", "202", "203", "204", "205");
        assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).extracting(r -> r.queryParameter("offset").firstValue())
                .containsExactly("200", "202", "204");
    }
}
