// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CamelContext whose activecampaign component points at a WireMock server on a random loopback port.
 */
public abstract class ActiveCampaignTestSupport extends CamelTestSupport {

    protected static final String TOKEN = "test-token-5f2a9c";
    protected static final String TRACKING_KEY = "tracking-key-77e1";

    protected static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
    }

    /** Sends a message to an endpoint and returns the exception it failed with (the exchange must fail). */
    protected Exception failure(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(headers);
        });
        assertThat(exchange.getException()).as("the exchange failed").isNotNull();
        return exchange.getException();
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port() + "/api/3";
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(baseUrl());
        component.getConfiguration().setApiKey(TOKEN);
        component.getConfiguration().setTrackingUrl("http://127.0.0.1:" + wireMock.port() + "/event");
        component.getConfiguration().setTrackingAccountId("1000");
        component.getConfiguration().setTrackingSecret(TRACKING_KEY);
        component.getConfiguration().setRateLimit(1000);
        context.addComponent("activecampaign", component);
        return context;
    }
}
