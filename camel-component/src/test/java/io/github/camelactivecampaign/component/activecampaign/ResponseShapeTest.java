// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Iterator;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a success that is not the JSON the docs promise becomes: an HTML page or other text with 2xx fails naming the
 * status, the content type and the start of the body; an empty body is null; text the service labels text/plain
 * (siteTracking/code) is returned as text.
 */
class ResponseShapeTest extends ActiveCampaignTestSupport {

    private void answer(int status, String contentType, String body) {
        wireMock.stubFor(any(anyUrl()).willReturn(contentType == null ? aResponse().withStatus(status).withBody(body)
                : aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
    }

    private Exchange get(String uri) {
        return template.request(uri, e -> { });
    }

    @Test
    void htmlMaintenancePageWith200() {
        answer(200, "text/html; charset=utf-8", "<!DOCTYPE html>\n<html><body><h1>Down for maintenance</h1>"
                                                + "<p>" + "We will be back soon. ".repeat(40) + "</p></body></html>");
        Exchange exchange = get("activecampaign:deals/get?id=7");
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("ActiveCampaign deals/get answered HTTP 200 with a body that is not JSON "
                                      + "(Content-Type: text/html; charset=utf-8): <!DOCTYPE html> <html><body>")
                .hasMessageContaining("check baseUrl");
        ActiveCampaignException e = (ActiveCampaignException) exchange.getException();
        assertThat(e.getHttpResponseCode()).isEqualTo(200);
        assertThat(e.getOperation()).isEqualTo("deals/get");
        assertThat(e.getMessage()).as("a snippet, not the whole page").hasSizeLessThan(600);
        assertThat(e.getResponseBody()).contains("Down for maintenance");
    }

    @Test
    void textWithoutAContentType() {
        answer(200, null, "OK");
        assertThat(get("activecampaign:deals/get?id=7").getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("not JSON (Content-Type: none): OK");
    }

    @Test
    void textLabelledJson() {
        answer(201, "application/json", "created");
        assertThat(get("activecampaign:deals/get?id=7").getException())
                .hasMessageContaining("answered HTTP 201 with a body that is not JSON (Content-Type: application/json)");
    }

    @Test
    void brokenJson() {
        answer(200, "application/json", "{\"deal\": {\"id\": ");
        assertThat(get("activecampaign:deals/get?id=7").getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("with a body that is not valid JSON");
    }

    @Test
    void jsonFollowedByGarbage() {
        answer(200, "application/json", "{\"deal\": {\"id\": \"7\"}} <!-- cached -->");
        assertThat(get("activecampaign:deals/get?id=7").getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void responseNestedDeeperThanAnyRecord() {
        answer(200, "application/json", "[".repeat(10_000) + "]".repeat(10_000));
        assertThat(get("activecampaign:deals/list").getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("nesting depth");
    }

    @Test
    void emptySuccessIsANullBody() {
        answer(200, "application/json", "");
        Exchange exchange = get("activecampaign:deals/delete?id=7");
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE)).isEqualTo(200);

        answer(204, null, "");
        exchange = get("activecampaign:siteTrackingDomains/delete?name=example.com");
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE)).isEqualTo(204);
    }

    @Test
    void emptySuccessOfAListIsNoRecords() {
        answer(200, "application/json", "  ");
        Exchange exchange = get("activecampaign:deals/list?paginate=true");
        assertThat(exchange.getException()).isNull();
        assertThat((Iterator<?>) exchange.getMessage().getBody(Iterator.class)).isExhausted();
        exchange = get("activecampaign:deals/list?outputClass="
                       + io.github.camelactivecampaign.component.activecampaign.model.Deal.class.getName());
        assertThat(exchange.getMessage().getBody()).isNull();
    }

    @Test
    void plainTextTheServiceLabelsSoIsText() {
        answer(200, "text/plain; charset=utf-8", "<script type=\"text/javascript\">pgo('process');</script>");
        Exchange exchange = get("activecampaign:siteTracking/code");
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("<script type=\"text/javascript\">pgo('process');</script>");
    }

    @Test
    void jsonScalarIsItsValue() {
        answer(200, "application/json", "\"queued\"");
        assertThat(get("activecampaign:deals/get?id=7").getMessage().getBody()).isEqualTo("queued");
        answer(200, "application/json", "[1, 2]");
        assertThat(get("activecampaign:deals/get?id=7").getMessage().getBody()).isEqualTo(List.of(1, 2));
    }
}
