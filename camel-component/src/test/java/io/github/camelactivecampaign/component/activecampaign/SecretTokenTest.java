// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API token and the tracking key never show in endpoint URIs, toString()s or exception messages.
 */
class SecretTokenTest extends ActiveCampaignTestSupport {

    private static final String URI_TOKEN = "uri-token-9d3e";

    @Test
    void tokenIsMaskedInTheEndpointUri() {
        Endpoint endpoint = context.getEndpoint("activecampaign:deals/get?id=7&apiKey=" + URI_TOKEN
                                                + "&trackingSecret=" + TRACKING_KEY);
        assertThat(endpoint.toString()).doesNotContain(URI_TOKEN).doesNotContain(TRACKING_KEY).contains("xxxxxx");
        assertThat(((ActiveCampaignEndpoint) endpoint).getConfiguration().toString())
                .doesNotContain(URI_TOKEN).doesNotContain(TRACKING_KEY);
    }

    @Test
    void tokenIsNeverInAnExceptionMessage() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"You are not authorized to access this resource\"}")));
        Exchange exchange = template.request("activecampaign:deals/update?id=7&apiKey=" + URI_TOKEN,
                e -> e.getMessage().setBody(Map.of("title", "x")));
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class);
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(URI_TOKEN);
        }
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getHeader("Api-Token")).isEqualTo(URI_TOKEN);
    }

    @Test
    void unreachableHostMessageCarriesNoToken() {
        Exchange exchange = template.request("activecampaign:deals/get?id=7&apiKey=" + URI_TOKEN
                                             + "&baseUrl=http://127.0.0.1:1/api/3&connectTimeout=2000", e -> { });
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("deals/get could not reach http://127.0.0.1:1");
        assertThat(exchange.getException().getMessage()).doesNotContain(URI_TOKEN);
    }
}
