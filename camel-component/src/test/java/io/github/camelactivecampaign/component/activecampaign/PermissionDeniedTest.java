// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 403 that says the API user lacks a permission is reported as that permission, and not retried; a 403 that says
 * nothing of the kind (the service under load) still is.
 */
class PermissionDeniedTest extends ActiveCampaignTestSupport {

    @Test
    void aMissingPermissionIsNamedAndNotRetried() {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/lists")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"status\":403,\"title\":\"Forbidden\","
                          + "\"detail\":\"You do not have permission to view lists.\"}]}")));
        Exchange exchange = template.request("activecampaign:lists/list", e -> { });
        ActiveCampaignException failure = (ActiveCampaignException) exchange.getException();
        assertThat(failure.getHttpResponseCode()).isEqualTo(403);
        assertThat(failure.getMessage()).contains("lacks a permission (You do not have permission to view lists.)")
                .doesNotContain("Check apiKey");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/3/lists")));
    }

    @Test
    void aLoadRelated403IsStillRetried() {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/tags")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html>Forbidden</html>")));
        Exchange exchange = template.request("activecampaign:tags/list?maxAttempts=2&retryBackoff=1", e -> { });
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/3/tags")));
    }
}
