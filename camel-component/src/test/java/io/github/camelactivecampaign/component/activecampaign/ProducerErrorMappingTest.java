// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-2xx responses become ActiveCampaignExceptions with the status, the service's errors or message, the
 * operation and the (truncated) body, and never the token.
 */
class ProducerErrorMappingTest extends ActiveCampaignTestSupport {

    private ActiveCampaignException failWith(int status, String contentType, String body) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
        Exchange exchange = template.request("activecampaign:deals/update?id=7",
                e -> e.getMessage().setBody(Map.of("title", "x")));
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class);
        ActiveCampaignException exception = (ActiveCampaignException) exchange.getException();
        assertThat(exception.getOperation()).isEqualTo("deals/update");
        assertThat(exception.getHttpResponseCode()).isEqualTo(status);
        assertThat(exception.getMessage()).doesNotContain(TOKEN);
        return exception;
    }

    @Test
    void unprocessableEntityCarriesEveryError() {
        ActiveCampaignException e = failWith(422, "application/json",
                "{\"errors\":[{\"title\":\"The deal title is required\",\"detail\":\"\",\"code\":\"field_missing\","
                + "\"source\":{\"pointer\":\"/data/attributes/title\"}},{\"title\":\"Bad stage\",\"detail\":\"Stage 9 "
                + "does not exist\",\"code\":\"invalid\",\"source\":{\"pointer\":\"/data/attributes/stage\"}}]}");
        assertThat(e.getMessage()).contains("deals/update failed with HTTP 422")
                .contains("The deal title is required").contains("at /data/attributes/title")
                .contains("Bad stage (Stage 9 does not exist) at /data/attributes/stage")
                .contains("Fix the request body fields");
        assertThat(e.getErrors()).hasSize(2);
        assertThat(e.getErrors().get(0).code()).isEqualTo("field_missing");
        assertThat(e.getErrors().get(1).pointer()).isEqualTo("/data/attributes/stage");
    }

    @Test
    void forbiddenCarriesTheServiceMessageAndPointsAtTheToken() {
        ActiveCampaignException e = failWith(403, "application/json",
                "{\"message\":\"You are not authorized to access this resource\"}");
        assertThat(e.getMessage()).contains("HTTP 403").contains("You are not authorized to access this resource")
                .contains("Check apiKey");
        assertThat(e.getErrors()).isEmpty();
    }

    @Test
    void notFound() {
        ActiveCampaignException e = failWith(404, "application/json", "{\"message\":\"No Result found for Deal with id 7\"}");
        assertThat(e.getMessage()).contains("HTTP 404").contains("No Result found for Deal with id 7");
        assertThat(e.getResponseBody()).contains("No Result found");
    }

    @Test
    void badRequest() {
        ActiveCampaignException e = failWith(400, "application/json", "{\"message\":\"Invalid JSON\"}");
        assertThat(e.getMessage()).contains("HTTP 400").contains("Invalid JSON");
    }

    @Test
    void serverErrorWithAnHtmlPage() {
        ActiveCampaignException e = failWith(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>");
        assertThat(e.getMessage()).contains("HTTP 500").contains("<h1>500 Internal Server Error</h1>")
                .contains("try again later");
    }

    @Test
    void hugeErrorBodyIsTruncated() {
        ActiveCampaignException e = failWith(502, "text/html", "x".repeat(100_000));
        assertThat(e.getResponseBody()).hasSizeLessThan(2100).endsWith("(100000 characters)");
        assertThat(e.getMessage()).hasSizeLessThan(2300);
    }

    @Test
    void redirectIsNotFollowedSoTheTokenStaysHome() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.2:1/steal")));
        Exchange exchange = template.request("activecampaign:deals/get?id=7", e -> { });
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("HTTP 302").hasMessageContaining("Redirects are not followed");
    }

    @Test
    void successWithTruncatedJson() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"deal\":{\"id\":\"7\"")));
        Exchange exchange = template.request("activecampaign:deals/get?id=7", e -> { });
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void successWithEmptyBodyGivesNullBody() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        Exchange exchange = template.request("activecampaign:deals/delete?id=7", e -> e.getMessage().setBody("x"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE)).isEqualTo(200);
    }
}
