// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.model.Contact;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * paginate=true: a lazy Iterator over every record; page N+1 is requested only once page N is consumed, none after
 * meta.total is reached; the operation's limit caps the records of all pages.
 */
class ProducerPaginationTest extends ActiveCampaignTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:allDeals")
                        .to("activecampaign:deals/list?paginate=true&pageSize=2")
                        .split(body()).streaming()
                        .to("mock:deal");
            }
        };
    }

    private void stubDealPages() {
        stubDeals("0", "{\"deals\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"meta\":{\"total\":\"5\"}}");
        stubDeals("2", "{\"deals\":[{\"id\":\"3\"},{\"id\":\"4\"}],\"meta\":{\"total\":\"5\"}}");
        stubDeals("4", "{\"deals\":[{\"id\":\"5\"}],\"meta\":{\"total\":\"5\"}}");
    }

    private void stubDeals(String offset, String body) {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/deals"))
                .withQueryParam("offset", "0".equals(offset) ? absent() : equalTo(offset))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    private int requests() {
        return wireMock.getAllServeEvents().size();
    }

    @Test
    void nextPageIsFetchedOnlyWhenThePreviousIsConsumed() {
        stubDealPages();
        Exchange exchange = template.request("activecampaign:deals/list?paginate=true&pageSize=2", e -> { });
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.TOTAL)).isEqualTo(5L);
        Iterator<?> deals = exchange.getMessage().getBody(Iterator.class);
        assertThat(requests()).isEqualTo(1);

        assertThat(((Map<?, ?>) deals.next()).get("id")).isEqualTo("1");
        assertThat(((Map<?, ?>) deals.next()).get("id")).isEqualTo("2");
        assertThat(requests()).as("page 2 not fetched while page 1 is being consumed").isEqualTo(1);

        assertThat(deals.hasNext()).isTrue();
        assertThat(requests()).isEqualTo(2);
        List<Object> ids = new ArrayList<>();
        deals.forEachRemaining(d -> ids.add(((Map<?, ?>) d).get("id")));
        assertThat(ids).containsExactly("3", "4", "5");
        assertThat(requests()).isEqualTo(3);
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/3/deals")).withQueryParam("limit", equalTo("2")));
    }

    @Test
    void worksWithStreamingSplit() throws Exception {
        stubDealPages();
        MockEndpoint mock = getMockEndpoint("mock:deal");
        mock.expectedMessageCount(5);
        template.sendBody("direct:allDeals", null);
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges().stream().map(e -> e.getMessage().getBody(Map.class).get("id")))
                .containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void contactsPageByIdForStableDeepPaging() {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/contacts")).withQueryParam("id_greater", absent())
                .willReturn(aResponse().withBody("{\"contacts\":[{\"id\":\"10\",\"email\":\"a@x.io\"},"
                                                 + "{\"id\":\"12\",\"email\":\"b@x.io\"}],\"meta\":{\"total\":3}}")));
        wireMock.stubFor(get(urlPathEqualTo("/api/3/contacts")).withQueryParam("id_greater", equalTo("12"))
                .willReturn(aResponse().withBody("{\"contacts\":[{\"id\":\"15\",\"email\":\"c@x.io\"}],"
                                                 + "\"meta\":{\"total\":3}}")));
        Exchange exchange = template.request("activecampaign:contacts/list?paginate=true&pageSize=2&outputClass="
                                             + Contact.class.getName(), e -> { });
        List<String> emails = new ArrayList<>();
        exchange.getMessage().getBody(Iterator.class).forEachRemaining(c -> emails.add(((Contact) c).getEmail()));
        assertThat(emails).containsExactly("a@x.io", "b@x.io", "c@x.io");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/3/contacts"))
                .withQueryParam("orders[id]", equalTo("ASC")).withQueryParam("offset", absent()));
    }

    @Test
    void failureOnALaterPageSurfacesWhileIterating() {
        stubDeals("0", "{\"deals\":[{\"id\":\"1\"},{\"id\":\"2\"}]}");
        wireMock.stubFor(get(urlPathEqualTo("/api/3/deals")).withQueryParam("offset", equalTo("2"))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}")));
        Exchange exchange = template.request("activecampaign:deals/list?paginate=true&pageSize=2", e -> { });
        Iterator<?> deals = exchange.getMessage().getBody(Iterator.class);
        deals.next();
        deals.next();
        org.assertj.core.api.Assertions.assertThatThrownBy(deals::hasNext)
                .isInstanceOf(ActiveCampaignException.class).hasMessageContaining("HTTP 500");
    }

    private List<Object> ids(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        List<Object> ids = new ArrayList<>();
        exchange.getMessage().getBody(Iterator.class).forEachRemaining(d -> ids.add(((Map<?, ?>) d).get("id")));
        return ids;
    }

    @Test
    void noEmptyPageIsRequestedWhenTheRecordsFillTheLastPageExactly() {
        stubDeals("0", "{\"deals\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"meta\":{\"total\":\"4\"}}");
        stubDeals("2", "{\"deals\":[{\"id\":\"3\"},{\"id\":\"4\"}],\"meta\":{\"total\":\"4\"}}");
        stubDeals("4", "{\"deals\":[],\"meta\":{\"total\":\"4\"}}");
        assertThat(ids(template.request("activecampaign:deals/list?paginate=true&pageSize=2", e -> { })))
                .containsExactly("1", "2", "3", "4");
        assertThat(requests()).as("meta.total said all 4 were delivered").isEqualTo(2);
    }

    @Test
    void withoutATotalTheEmptyPageTellsTheEnd() {
        stubDeals("0", "{\"deals\":[{\"id\":\"1\"},{\"id\":\"2\"}]}");
        stubDeals("2", "{\"deals\":[{\"id\":\"3\"},{\"id\":\"4\"}]}");
        stubDeals("4", "{\"deals\":[]}");
        assertThat(ids(template.request("activecampaign:deals/list?paginate=true&pageSize=2", e -> { })))
                .containsExactly("1", "2", "3", "4");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void limitCapsTheRecordsOfAllPagesAndTheLastPageAsksOnlyForWhatIsLeft() {
        stubDealPages();
        wireMock.stubFor(get(urlPathEqualTo("/api/3/deals")).withQueryParam("offset", equalTo("2"))
                .withQueryParam("limit", equalTo("1"))
                .willReturn(aResponse().withBody("{\"deals\":[{\"id\":\"3\"}],\"meta\":{\"total\":\"5\"}}")));
        assertThat(ids(template.request("activecampaign:deals/list?paginate=true&pageSize=2&limit=3", e -> { })))
                .containsExactly("1", "2", "3");
        assertThat(requests()).isEqualTo(2);
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/3/deals")).withQueryParam("offset", equalTo("2"))
                .withQueryParam("limit", equalTo("1")));

        wireMock.resetRequests();
        Exchange byHeader = template.request("activecampaign:deals/list?paginate=true&pageSize=2",
                e -> e.getMessage().setHeader("CamelActiveCampaignLimit", 150));
        assertThat(ids(byHeader)).as("a cap beyond one page of the service").containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void aLimitOfNoRecordsIsRefusedAndWithoutPaginateALimitIsOnePage() {
        Exception zero = failure("activecampaign:deals/list?paginate=true&limit=0", null, Map.of());
        assertThat(zero).hasMessageContaining("limit must be 1 or more").hasMessageContaining("pageSize");
        Exception onePage = failure("activecampaign:deals/list?limit=150", null, Map.of());
        assertThat(onePage).hasMessageContaining("limit must be between 1 and 100")
                .hasMessageContaining("paginate=true");
        assertThat(requests()).isZero();
    }

    @Test
    void contactsPagedByIdApplyTheUsersOffsetOnce() {
        wireMock.stubFor(get(urlPathEqualTo("/api/3/contacts")).withQueryParam("id_greater", absent())
                .willReturn(aResponse().withBody("{\"contacts\":[{\"id\":\"10\"},{\"id\":\"12\"}],"
                                                 + "\"meta\":{\"total\":\"9\"}}")));
        wireMock.stubFor(get(urlPathEqualTo("/api/3/contacts")).withQueryParam("id_greater", equalTo("12"))
                .willReturn(aResponse().withBody("{\"contacts\":[{\"id\":\"15\"}],\"meta\":{\"total\":\"1\"}}")));
        assertThat(ids(template.request("activecampaign:contacts/list?paginate=true&pageSize=2&offset=6", e -> { })))
                .containsExactly("10", "12", "15");
        assertThat(requests()).as("the id page held all that were left").isEqualTo(2);
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/3/contacts")).withQueryParam("id_greater", absent())
                .withQueryParam("offset", equalTo("6")));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/api/3/contacts")).withQueryParam("id_greater", equalTo("12"))
                .withQueryParam("offset", equalTo("0")));
    }
}
