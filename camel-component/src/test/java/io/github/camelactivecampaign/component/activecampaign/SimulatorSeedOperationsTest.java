// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 50 seed operations again, this time against the simulator instead of stubs: the service double has to
 * understand what the component sends (path, envelope, token, form) and the component what it answers.
 */
class SimulatorSeedOperationsTest extends CamelTestSupport {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign = new ActiveCampaignSimulatorExtension();

    /** Every record a seed operation may address, with id 7. */
    private static final String SEED = """
            {"contacts": [{"id": "7", "email": "ada@example.com"}],
             "deals": [{"id": "7", "title": "Seeded", "contact": "7"}],
             "notes": [{"id": "7", "note": "seeded", "relid": "7", "reltype": "Deal"}],
             "accountCustomFieldData": [{"id": "7"}], "accountCustomFieldMeta": [{"id": "7"}],
             "fieldValues": [{"id": "7", "contact": "7", "field": "7", "value": "blue"}],
             "fields": [{"id": "7", "title": "Colour"}], "groupMembers": [{"id": "7"}], "groups": [{"id": "7"}],
             "forms": [{"id": "7", "name": "Signup"}], "eventTrackingEvents": [{"id": "7", "name": "7"}],
             "trackingLogs": [{"id": "7", "contact": "7", "type": "event", "value": "seeded"}],
             "addressLists": [{"id": "7"}], "customObjects/schemas": [{"id": "7"}],
             "importBatches": [{"id": "7", "batchId": "7", "status": "completed", "success": [], "failure": []}]}
            """;

    static Stream<String> seedOperations() throws IOException {
        return ProducerSeedOperationsTest.seedOperations();
    }

    @BeforeEach
    void seed() {
        activeCampaign.simulator().setRateLimit(0);
        activeCampaign.simulator().seed(SEED);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.getConfiguration().setApiKey(simulator.token());
        component.getConfiguration().setTrackingUrl(simulator.trackingUrl());
        component.getConfiguration().setTrackingAccountId(simulator.trackingAccountId());
        component.getConfiguration().setTrackingSecret(simulator.trackingKey());
        component.getConfiguration().setRateLimit(1000);
        context.addComponent("activecampaign", component);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return ProducerSeedOperationsTest.callRoute();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedOperations")
    void theSimulatorServesWhatTheComponentSends(String seed) throws Exception {
        JsonNode operation = ProducerSeedOperationsTest.catalogEntry(seed);
        String name = operation.path("name").asText();
        Map<String, Object> headers = new HashMap<>();
        headers.put("operation", name);
        for (JsonNode parameter : operation.path("pathParams")) {
            headers.put(parameter.path("header").asText(), "7");
        }
        if ("import/info".equals(name)) {
            headers.put("CamelActiveCampaignBatchId", "7");
        }
        String bodyType = operation.path("bodyType").asText(null);
        Object body = switch (bodyType == null ? "" : bodyType) {
            case "array" -> List.of(Map.of("customFieldId", 7, "fieldValue", "a"));
            case "form" -> Map.of("event", "signed-up", "eventdata", "plan=pro", "email", "ada@example.com");
            case "object" -> Map.of("title", "Created", "value", "100", "currency", "usd", "note", "n",
                    "contact", "7", "field", "7", "name", "n", "email", "new@example.com");
            default -> null;
        };

        Exchange result = template.request("direct:call", e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setBody(body);
        });

        assertThat(result.getException()).as(name).isNull();
        int status = result.getMessage().getHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE, Integer.class);
        // 202 where the service documents it (e.g. deleting a custom object field)
        assertThat(status).as(name).isBetween(200, 202);
        List<RecordedRequest> journal = activeCampaign.simulator().journal();
        assertThat(journal).as(name).hasSize(1);
        assertThat(journal.get(0).operation()).isEqualTo(name);
        if (!"eventTracking/track".equals(name)) {
            assertThat(journal.get(0).headers()).containsEntry("api-token", activeCampaign.simulator().token());
        }
        String resultKey = operation.path("resultKey").asText(null);
        Map<?, ?> response = result.getMessage().getBody(Map.class);
        if ("GET".equals(operation.path("method").asText()) && resultKey != null) {
            assertThat(response.containsKey(resultKey)).as(name + " answers " + resultKey).isTrue();
        }
        if (operation.path("methodName").asText().startsWith("create") && operation.path("bodyKey").isTextual()) {
            // most creates answer the record under the key; some (fields/create) answer an array of them
            Object created = response.get(resultKey);
            Object record = created instanceof List<?> list && !list.isEmpty() ? list.get(0) : created;
            assertThat(((Map<?, ?>) record).get("id")).as(name + " created a record").isNotNull();
        }
    }

    @org.junit.jupiter.api.Test
    void trackedEventShowsInTheContactsTrackingLogs() {
        template.requestBody("activecampaign:eventTracking/track",
                Map.of("event", "signed-up", "email", "ada@example.com"));
        Map<?, ?> logs = template.requestBodyAndHeader("activecampaign:contacts/trackingLogs", null,
                "CamelActiveCampaignId", "7", Map.class);
        List<Object> values = ((List<?>) logs.get("trackingLogs")).stream()
                .map(l -> ((Map<?, ?>) l).get("value")).map(Object.class::cast).toList();
        assertThat(values).contains("signed-up");
    }
}
