// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input fails with a message that names the operation, the problem and the fix, and no request is sent.
 */
class ProducerValidationTest extends ActiveCampaignTestSupport {

    @AfterEach
    void nothingWasSent() {
        assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void unknownOperationSuggestsTheClosestNames() {
        assertThatThrownBy(() -> context.getEndpoint("activecampaign:deals/updat"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Unknown ActiveCampaign operation 'deals/updat'")
                .hasMessageContaining("deals/update")
                .hasMessageContaining("e.g. activecampaign:deals/update?id=7");
    }

    @Test
    void unknownOptionListsTheOperationsParameters() {
        assertThatThrownBy(() -> context.getEndpoint("activecampaign:deals/update?idd=7"))
                .rootCause().hasMessageContaining("Unknown option idd for deals/update")
                .hasMessageContaining("Its parameters are: id");
    }

    @Test
    void optionOfAnotherOperationOfTheResourceIsNamedAsSuch() {
        assertThatThrownBy(() -> context.getEndpoint("activecampaign:deals/update?id=7&filtersTitle=x"))
                .rootCause().hasMessageContaining("Unknown option filtersTitle for deals/update")
                .hasMessageContaining("Operations that take it: deals/list");
    }

    @Test
    void missingPathParameterNamesHeaderOptionAndBody() {
        assertThat(failure("activecampaign:deals/update", Map.of("title", "x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deals/update needs the path parameter id")
                .hasMessageContaining("CamelActiveCampaignId")
                .hasMessageContaining("activecampaign:deals/update?id=42")
                .hasMessageContaining("an id field in the body");
    }

    @Test
    void nonNumericIdWhereTheApiNeedsAnInteger() {
        assertThat(failure("activecampaign:deals/get", null, Map.of("CamelActiveCampaignId", "abc")))
                .hasMessageContaining("deals/get: path parameter id must be a whole number")
                .hasMessageContaining("'abc'");
    }

    @Test
    void dotSegmentsAreRefusedAsIds() {
        assertThat(failure("activecampaign:eventTrackingEvents/delete", null,
                Map.of("CamelActiveCampaignEventName", "..")))
                .hasMessageContaining("path parameter eventName is '..'");
    }

    @Test
    void emptyIdIsRefused() {
        assertThat(failure("activecampaign:deals/createNote", Map.of("note", "x"), Map.of("CamelActiveCampaignId", " ")))
                .hasMessageContaining("path parameter id is ''");
    }

    @Test
    void lineBreakInAHeaderBoundValue() {
        assertThat(failure("activecampaign:contacts/list", null, Map.of("CamelActiveCampaignEmail", "a@b.c\r\nX-Evil: 1")))
                .hasMessageContaining("contacts/list: email contains a line break");
    }

    @Test
    void limitAboveOneHundred() {
        assertThat(failure("activecampaign:deals/list?limit=101", null, Map.of()))
                .hasMessageContaining("limit must be between 1 and 100")
                .hasMessageContaining("paginate=true");
    }

    @Test
    void negativeOffset() {
        assertThat(failure("activecampaign:deals/list", null, Map.of("CamelActiveCampaignOffset", -1)))
                .hasMessageContaining("offset must be 0 or more");
    }

    @Test
    void bodyThatIsNotJson() {
        assertThat(failure("activecampaign:deals/create", "{title: oops", Map.of()))
                .hasMessageContaining("deals/create: the body is not valid JSON");
    }

    @Test
    void missingBodyForAnOperationWithAnEnvelope() {
        assertThat(failure("activecampaign:deals/create", null, Map.of()))
                .hasMessageContaining("deals/create needs a body")
                .hasMessageContaining("{\"deal\": ...}");
    }

    @Test
    void objectBodyForAnArrayOperation() {
        assertThat(failure("activecampaign:dealCustomFieldData/bulkCreate", Map.of("a", 1), Map.of()))
                .hasMessageContaining("takes a JSON array");
    }

    @Test
    void malformedBracketParameter() {
        assertThat(failure("activecampaign:deals/list", null,
                Map.of(ActiveCampaignConstants.QUERY_PARAMETERS, Map.of("filters[title", "x"))))
                .hasMessageContaining("query parameter 'filters[title' is not a valid name");
    }

    @Test
    void eventNameLongerThan32Characters() {
        assertThat(failure("activecampaign:eventTracking/track", Map.of("event", "x".repeat(33)), Map.of()))
                .hasMessageContaining("event must be 1 to 32 characters");
    }

    @Test
    void baseUrlWithPlainHttpToARemoteHost() {
        assertThatThrownBy(() -> startEndpoint("activecampaign:deals/get?baseUrl=http://example.com/api/3"))
                .hasMessageContaining("baseUrl must use https");
    }

    @Test
    void baseUrlWithoutApi3() {
        assertThatThrownBy(() -> startEndpoint("activecampaign:deals/get?baseUrl=https://acme.api-us1.com"))
                .hasMessageContaining("must end with /api/3");
    }

    @Test
    void baseUrlThatIsNotAUrl() {
        assertThatThrownBy(() -> startEndpoint("activecampaign:deals/get?baseUrl=not a url"))
                .hasMessageContaining("baseUrl is not a URL");
    }

    @Test
    void missingTokenNamesBothPlaces() {
        context.getComponent("activecampaign", ActiveCampaignComponent.class).getConfiguration().setApiKey(null);
        assertThatThrownBy(() -> startEndpoint("activecampaign:deals/get"))
                .hasMessageContaining("apiKey must be configured on either the activecampaign component")
                .hasMessageContaining("camel.component.activecampaign.apiKey");
    }

    @Test
    void tokenWithWhitespace() {
        assertThatThrownBy(() -> startEndpoint("activecampaign:deals/get?apiKey=RAW(abc def)"))
                .hasMessageContaining("apiKey for deals/get contains whitespace")
                .hasMessageNotContaining("abc def");
    }

    @Test
    void pageSizeOutOfRange() {
        assertThatThrownBy(() -> startEndpoint("activecampaign:deals/list?pageSize=500"))
                .hasMessageContaining("pageSize must be between 1 and 100");
    }

    private void startEndpoint(String uri) {
        try {
            context.getEndpoint(uri).createProducer().start();
        } catch (CamelExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
