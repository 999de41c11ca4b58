// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request building on its own: no route, no client, no HTTP; an endpoint only holds the options.
 */
class RequestBuilderTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private CamelContext context;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl("https://acme.api-us1.com/api/3");
        component.getConfiguration().setApiKey("token");
        context.addComponent("activecampaign", component);
    }

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    private ActiveCampaignRequest build(String uri, Object body, Map<String, Object> headers) {
        ActiveCampaignEndpoint endpoint = context.getEndpoint(uri, ActiveCampaignEndpoint.class);
        Message message = new DefaultExchange(context).getMessage();
        message.setBody(body);
        message.getHeaders().putAll(headers);
        return new ActiveCampaignRequestBuilder(endpoint, mapper).build(message);
    }

    @Test
    void pathIdsAreEncodedAndTheBodyIsWrappedInTheEnvelope() {
        ActiveCampaignRequest request = build("activecampaign:deals/update?id=7", Map.of("title", "Big"), Map.of());
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/deals/7");
        assertThat(request.body()).isEqualTo("{\"deal\":{\"title\":\"Big\"}}");
        assertThat(request.contentType()).startsWith("application/json");
    }

    @Test
    void aHeaderWinsOverTheEndpointOptionAndFollowsTheNamingRule() {
        ActiveCampaignRequest request = build("activecampaign:deals/get?id=7", null,
                Map.of("CamelActiveCampaignId", "9"));
        assertThat(request.path()).isEqualTo("/deals/9");
    }

    @Test
    void queryParametersKeepTheirWireNamesAndBracketsAreEncodedOnlyOnTheWire() {
        ActiveCampaignRequest request = build("activecampaign:contacts/list?filtersUpdatedAfter=2024-01-31&limit=5",
                null, Map.of());
        assertThat(request.query()).containsEntry("filters[updated_after]", List.of("2024-01-31"))
                .containsEntry("limit", List.of("5"));
        assertThat(request.pathAndQuery()).contains("filters%5Bupdated_after%5D=2024-01-31");
    }

    @Test
    void inBodyMakesTheMessageBodyTheNamedParameter() {
        ActiveCampaignRequest request = build("activecampaign:deals/get?inBody=id", 42, Map.of());
        assertThat(request.path()).isEqualTo("/deals/42");
        assertThat(request.body()).isNull();
    }

    @Test
    void aBadEndpointOptionFailsEveryExchangeBeforeAnyRequest() {
        assertThatThrownBy(() -> build("activecampaign:deals/list?limit=500", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit")
                .hasMessageContaining("was 500");
    }
}
