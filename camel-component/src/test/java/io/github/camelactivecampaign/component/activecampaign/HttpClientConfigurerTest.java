// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-http's HttpClientConfigurer customises the account's client, and cannot turn redirects back on.
 */
class HttpClientConfigurerTest extends ActiveCampaignTestSupport {

    /** Adds a header to every request, and tries to follow redirects (which would carry the token away). */
    private final HttpClientConfigurer configurer = builder -> builder
            .addRequestInterceptorFirst((request, entity, context) -> request.addHeader("X-Gateway", "eu-1"))
            .setRedirectStrategy(new org.apache.hc.client5.http.impl.DefaultRedirectStrategy());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("activecampaign", ActiveCampaignComponent.class).getConfiguration()
                .setHttpClientConfigurer(configurer);
        return context;
    }

    @Test
    void theConfigurerShapesTheRequests() {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/deals/7")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"deal\":{\"id\":\"7\"}}")));
        template.requestBody("activecampaign:deals/get?id=7", null, Map.class);
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/3/deals/7")).withHeader("X-Gateway", equalTo("eu-1")));
    }

    @Test
    void redirectsStayOffWhateverTheConfigurerSets() {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/deals/8")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + wireMock.port() + "/elsewhere")));
        Exchange exchange = template.request("activecampaign:deals/get?id=8", e -> { });
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class);
        assertThat(((ActiveCampaignException) exchange.getException()).getHttpResponseCode()).isEqualTo(302);
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
    }
}
