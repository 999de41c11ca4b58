// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import javax.net.ssl.SSLHandshakeException;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's HTTP client: requests go through the configured proxy, and TLS certificates are verified.
 */
class HttpTransportTest extends ActiveCampaignTestSupport {

    @Test
    void requestsGoThroughTheConfiguredProxy() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"deal\":{\"id\":\"7\"}}")));
        // nothing listens on 127.0.0.2:9: only the proxy (WireMock) can answer
        Exchange exchange = template.request("activecampaign:deals/get?id=7&baseUrl=http://127.0.0.2:9/api/3"
                                             + "&proxyHost=127.0.0.1&proxyPort=" + wireMock.port(), e -> { });
        assertThat(exchange.getException()).isNull();
        assertThat(wireMock.getAllServeEvents()).singleElement().satisfies(event -> {
            assertThat(event.getRequest().getHeader("Host")).isEqualTo("127.0.0.2:9");
            assertThat(event.getRequest().getUrl()).endsWith("/api/3/deals/7");
        });
    }

    @Test
    void untrustedCertificateIsRefusedNotRetried() throws Exception {
        WireMockServer https = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1"));
        https.start();
        // a failed handshake leaves no request at the server: the relay counts the connections, one per attempt
        try (RawSocketServer relay = RawSocketServer.relayingTo(https.httpsPort())) {
            https.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
            Exchange exchange = template.request("activecampaign:deals/get?id=7&baseUrl=https://127.0.0.1:"
                                                 + relay.port() + "/api/3&maxAttempts=3&retryBackoff=10", e -> { });
            assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class)
                    .hasMessageContaining("could not reach https://127.0.0.1:" + relay.port())
                    .hasCauseInstanceOf(SSLHandshakeException.class);
            assertThat(relay.connections()).as("attempts: one, though three were allowed").isEqualTo(1);
            assertThat(https.getAllServeEvents()).as("no request got through the TLS handshake").isEmpty();
        } finally {
            https.stop();
        }
    }

    @Test
    void relayCountsEveryAttemptOfARetriedFailure() throws Exception {
        // the same relay in front of a port that answers garbage: a GET is retried, and each attempt is counted
        try (RawSocketServer garbage = RawSocketServer.answering("not http\r\n\r\n");
             RawSocketServer relay = RawSocketServer.relayingTo(garbage.port())) {
            Exchange exchange = template.request("activecampaign:deals/get?id=7&baseUrl=http://127.0.0.1:"
                                                 + relay.port() + "/api/3&maxAttempts=3&retryBackoff=10", e -> { });
            assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class);
            assertThat(relay.connections()).isEqualTo(3);
        }
    }
}
