// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * More bad input (see also ProducerValidationTest, ProducerErrorMappingTest and the encoding cases of
 * ProducerParameterResolutionTest): each fails with a message that names the problem and the fix; the requests
 * refused before I/O reach no server.
 */
class ProducerBadInputTest extends ActiveCampaignTestSupport {

    private boolean expectNoRequest = true;

    @AfterEach
    void nothingSentForInputErrors() {
        if (expectNoRequest) {
            assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        }
    }

    /** A type Jackson cannot write. */
    static final class Unserializable {
        private final Object self = this;
    }

    @Test
    void bodyThatCannotBeConvertedToJson() {
        assertThat(failure("activecampaign:deals/create", new Unserializable(), Map.of()))
                .hasMessageContaining("deals/create: a body of type")
                .hasMessageContaining("cannot be converted to JSON");
    }

    @Test
    void bodyInTheEnvelopeOfAnotherResource() {
        assertThat(failure("activecampaign:deals/create", Map.of("contact", Map.of("email", "a@example.com")), Map.of()))
                .hasMessageContaining("the body is wrapped in \"contact\", the envelope of another resource")
                .hasMessageContaining("{\"deal\": {...}}");
    }

    @Test
    void bodyOverTheConfiguredSize() {
        assertThat(failure("activecampaign:deals/create?maxBodySize=100", Map.of("title", "x".repeat(200)), Map.of()))
                .hasMessageContaining("more than maxBodySize (100)");
    }

    @Test
    void invalidDateInAFilter() {
        assertThat(failure("activecampaign:contacts/list", null,
                Map.of("CamelActiveCampaignFiltersUpdatedAfter", "last tuesday")))
                .hasMessageContaining("filters[updated_after] must be a date")
                .hasMessageContaining("'last tuesday'");
    }

    @Test
    void dateFilterFormsThatAreAccepted() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withBody("{\"contacts\":[]}")));
        for (String date : new String[] { "2024-01-31", "2024-01-31 13:45:00", "2024-01-31T13:45:00-05:00" }) {
            Exchange exchange = template.request("activecampaign:contacts/list",
                    e -> e.getMessage().setHeader("CamelActiveCampaignFiltersUpdatedAfter", date));
            assertThat(exchange.getException()).as(date).isNull();
        }
    }

    @Test
    void negativeLimit() {
        assertThat(failure("activecampaign:deals/list?limit=-1", null, Map.of()))
                .hasMessageContaining("limit must be between 1 and 100");
    }

    @Test
    void nonNumericLimit() {
        assertThat(failure("activecampaign:deals/list", null, Map.of("CamelActiveCampaignLimit", "ten")))
                .hasMessageContaining("limit must be a whole number");
    }

    @Test
    void lineBreakInAPathId() {
        assertThat(failure("activecampaign:eventTrackingEvents/delete", null,
                Map.of("CamelActiveCampaignEventName", "a\nb")))
                .hasMessageContaining("contains a line break");
    }

    @Test
    void queryParametersHeaderThatIsNotAMap() {
        assertThat(failure("activecampaign:deals/list", null,
                Map.of(ActiveCampaignConstants.QUERY_PARAMETERS, "filters[title]=x")))
                .hasMessageContaining("must be a Map of query parameter names to values");
    }

    @Test
    void eventWithoutName() {
        assertThat(failure("activecampaign:eventTracking/track", Map.of("eventdata", "x"), Map.of()))
                .hasMessageContaining("event must be 1 to 32 characters");
    }

    @Test
    void responseLargerThanMaxResponseSize() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"deals\":[" + "{\"id\":\"1\"},".repeat(5000) + "{\"id\":\"2\"}]}")));
        Exception e = failure("activecampaign:deals/list?maxResponseSize=10000", null, Map.of());
        assertThat(e).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("larger than maxResponseSize (10000 bytes");
    }

    @Test
    void metaTotalAsStringOrNumberAndIdsAsNumbersOrStrings() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"deals\":[{\"id\":1},{\"id\":\"2\"}],\"meta\":{\"total\":\"2\"}}")));
        Exchange asString = template.request("activecampaign:deals/list", e -> { });
        assertThat(asString.getMessage().getHeader(ActiveCampaignConstants.TOTAL)).isEqualTo(2L);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"deals\":[],\"meta\":{\"total\":17}}")));
        Exchange asNumber = template.request("activecampaign:deals/list", e -> { });
        assertThat(asNumber.getMessage().getHeader(ActiveCampaignConstants.TOTAL)).isEqualTo(17L);
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"deals\":[],\"meta\":{\"total\":\"many\"}}")));
        Exchange garbage = template.request("activecampaign:deals/list", e -> { });
        assertThat(garbage.getException()).isNull();
        assertThat(garbage.getMessage().getHeader(ActiveCampaignConstants.TOTAL)).isNull();
    }
}
