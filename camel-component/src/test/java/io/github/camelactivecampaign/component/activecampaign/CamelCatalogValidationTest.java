// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tooling sees: the component JSON that camel-package-maven-plugin writes, loaded into Apache Camel's own
 * catalog (as IDEs and route validators do), knows every operation of operations.json with its parameters, and
 * lists every header.
 */
class CamelCatalogValidationTest {

    private static final String COMPONENT_JSON
            = "/META-INF/io/github/camelactivecampaign/component/activecampaign/activecampaign.json";
    private static final String OPERATIONS_JSON = "/META-INF/activecampaign/operations.json";

    /** The endpoint options the metadata marks required (they may come from the component instead). */
    private static final String ACCOUNT = "baseUrl=https://example.api-us1.com/api/3&apiKey=token";

    private static CamelCatalog camelCatalog;
    private static JsonNode component;
    private static JsonNode operations;

    @BeforeAll
    static void loadTheComponentIntoCamelsCatalog() throws IOException {
        String json = resource(COMPONENT_JSON);
        component = new ObjectMapper().readTree(json);
        operations = new ObjectMapper().readTree(resource(OPERATIONS_JSON));
        camelCatalog = new DefaultCamelCatalog(true); // caches the parsed component model between validations
        camelCatalog.addComponent("activecampaign", ActiveCampaignComponent.class.getName(), json);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CamelCatalogValidationTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyOperationValidatesWithItsRequiredParameters() {
        List<String> failures = new ArrayList<>();
        for (JsonNode operation : operations) {
            StringBuilder uri = new StringBuilder("activecampaign:").append(operation.path("name").asText())
                    .append('?').append(ACCOUNT);
            for (JsonNode parameter : parameters(operation)) {
                if (parameter.path("required").asBoolean()) {
                    uri.append('&').append(parameter.path("option").asText()).append("=7");
                }
            }
            EndpointValidationResult result = camelCatalog.validateEndpointProperties(uri.toString());
            if (!result.isSuccess()) {
                failures.add(uri + ": " + result.summaryErrorMessage(false));
            }
        }
        assertThat(operations.size()).isEqualTo(259);
        assertThat(failures).as("URIs Camel's catalog refuses").isEmpty();
    }

    @Test
    void everyOperationIsInTheApisWithEachOfItsParameters() {
        List<String> missing = new ArrayList<>();
        for (JsonNode operation : operations) {
            String api = operation.path("apiName").asText();
            String method = operation.path("methodName").asText();
            if (!component.path("apis").path(api).path("methods").has(method)) {
                missing.add(operation.path("name").asText());
                continue;
            }
            JsonNode properties = component.path("apiProperties").path(api).path("methods").path(method)
                    .path("properties");
            for (JsonNode parameter : parameters(operation)) {
                if (!properties.has(parameter.path("option").asText())) {
                    missing.add(operation.path("name").asText() + "?" + parameter.path("option").asText());
                }
            }
            if (!properties.has("inBody")) {
                missing.add(operation.path("name").asText() + "?inBody");
            }
        }
        assertThat(missing).as("operations or parameters the component metadata lacks").isEmpty();
    }

    @Test
    void operationsWithoutParametersAreKnownToo() {
        for (String operation : List.of("contactLists/create", "eventTracking/track", "siteTracking/code")) {
            EndpointValidationResult result = camelCatalog.validateEndpointProperties(
                    "activecampaign:" + operation + "?" + ACCOUNT);
            assertThat(result.isSuccess()).as(operation + ": " + result.summaryErrorMessage(false)).isTrue();
        }
    }

    @Test
    void aBogusOptionIsFlagged() {
        EndpointValidationResult result = camelCatalog.validateEndpointProperties(
                "activecampaign:deals/update?id=7&bogusOption=1&" + ACCOUNT);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("bogusOption");
    }

    @Test
    void anOptionOfAnotherOperationIsFlagged() {
        EndpointValidationResult result = camelCatalog.validateEndpointProperties(
                "activecampaign:deals/list?id=7&" + ACCOUNT);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("id");
    }

    @Test
    void anUnknownOperationIsFlaggedWithTheValidOnes() {
        EndpointValidationResult result = camelCatalog.validateEndpointProperties(
                "activecampaign:deals/nope?" + ACCOUNT);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidEnumChoices().get("methodName")).contains("update", "list", "createNote");
    }

    @Test
    void headersListTheFixedOnesAndOnePerParameterEachOnce() {
        Set<String> names = new HashSet<>();
        component.path("headers").fieldNames().forEachRemaining(name -> {
            assertThat(names.add(name.toLowerCase(Locale.ROOT))).as("header " + name + " listed once (headers "
                                                                    + "ignore case)").isTrue();
        });
        assertThat(component.path("headers").has(ActiveCampaignConstants.OPERATION)).isTrue();
        assertThat(component.path("headers").has(ActiveCampaignConstants.POLLED_CONTACT_ID)).isTrue();
        assertThat(component.path("headers").path(ActiveCampaignConstants.HTTP_RESPONSE_CODE).path("constantName")
                .asText()).endsWith("ActiveCampaignConstants#HTTP_RESPONSE_CODE");
        for (JsonNode operation : operations) {
            for (JsonNode parameter : parameters(operation)) {
                String option = parameter.path("option").asText();
                String header = ActiveCampaignConstants.HEADER_PREFIX + Character.toUpperCase(option.charAt(0))
                                + option.substring(1);
                assertThat(component.path("headers").has(header)).as("the header of " + option).isTrue();
                assertThat(parameter.path("header").asText()).isEqualTo(header);
            }
        }
    }

    private static List<JsonNode> parameters(JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("pathParams").forEach(parameters::add);
        operation.path("queryParams").forEach(parameters::add);
        return parameters;
    }
}
