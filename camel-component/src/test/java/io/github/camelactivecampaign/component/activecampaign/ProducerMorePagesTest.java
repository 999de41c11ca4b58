// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list operation without paginate answers one page and says whether more exist, and where the next one starts.
 */
class ProducerMorePagesTest extends ActiveCampaignTestSupport {

    private Exchange list(String uri, String body) {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/deals")).willReturn(aResponse().withBody(body)));
        Exchange exchange = template.request(uri, e -> e.getMessage().setHeader(ActiveCampaignConstants.NEXT_OFFSET, 99L));
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    @Test
    void moreRecordsThanThePageHeldByTheTotal() {
        Exchange exchange = list("activecampaign:deals/list?limit=2",
                "{\"deals\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"meta\":{\"total\":\"5\"}}");
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.MORE_PAGES)).isEqualTo(true);
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.NEXT_OFFSET)).isEqualTo(2L);
    }

    @Test
    void theLastPageByTheTotalEvenWhenItIsFull() {
        Exchange exchange = list("activecampaign:deals/list?limit=2&offset=3",
                "{\"deals\":[{\"id\":\"4\"},{\"id\":\"5\"}],\"meta\":{\"total\":5}}");
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.MORE_PAGES)).isEqualTo(false);
        assertThat(exchange.getMessage().getHeaders()).as("no stale next offset")
                .doesNotContainKey(ActiveCampaignConstants.NEXT_OFFSET);
    }

    @Test
    void withoutATotalAFullPageMayHaveMoreAfterIt() {
        Exchange full = list("activecampaign:deals/list?limit=2&offset=4",
                "{\"deals\":[{\"id\":\"5\"},{\"id\":\"6\"}]}");
        assertThat(full.getMessage().getHeader(ActiveCampaignConstants.MORE_PAGES)).isEqualTo(true);
        assertThat(full.getMessage().getHeader(ActiveCampaignConstants.NEXT_OFFSET)).isEqualTo(6L);

        wireMock.resetAll();
        Exchange shortPage = list("activecampaign:deals/list", "{\"deals\":[{\"id\":\"1\"}]}");
        assertThat(shortPage.getMessage().getHeader(ActiveCampaignConstants.MORE_PAGES))
                .as("fewer than the service's default page of 20").isEqualTo(false);
    }
}
