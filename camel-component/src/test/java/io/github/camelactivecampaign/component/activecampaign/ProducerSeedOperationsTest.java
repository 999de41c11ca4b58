// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the 50 operations the project started from, sent through a route: method, path with encoded path
 * parameters, Api-Token, JSON envelope body; the response lands in the body with the status header.
 */
class ProducerSeedOperationsTest extends ActiveCampaignTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<String> seedOperations() throws IOException {
        try (InputStream in = ProducerSeedOperationsTest.class.getResourceAsStream("/seed-operations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList().stream();
        }
    }

    static JsonNode catalogEntry(String seed) throws IOException {
        String method = seed.substring(0, seed.indexOf(' '));
        // the seed list names path parameters its own way ({contactId}, {groupID}): compare the shapes
        String shape = shape(seed.substring(seed.indexOf(' ') + 1));
        try (InputStream in = ProducerSeedOperationsTest.class.getResourceAsStream(
                "/META-INF/activecampaign/operations.json")) {
            for (JsonNode operation : MAPPER.readTree(in)) {
                if (operation.path("specMethod").asText().equals(method)
                        && (shape(operation.path("specPath").asText()).equals(shape)
                            || shape(operation.path("path").asText()).equals(shape))) {
                    return operation;
                }
            }
        }
        throw new AssertionError("Seed operation " + seed + " is not in the catalog");
    }

    private static String shape(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return callRoute();
    }

    /** direct:call sends to the operation named by the header "operation". */
    static RouteBuilder callRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").toD("activecampaign:${header.operation}");
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedOperations")
    void sendsTheOperationAsTheServiceExpects(String seed) throws Exception {
        JsonNode operation = catalogEntry(seed);
        String name = operation.path("name").asText();
        boolean tracking = "tracking".equals(operation.path("host").asText());
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"result\":{\"id\":\"1\"},\"meta\":{\"total\":\"3\"},\"success\":1}")));

        Map<String, Object> headers = new HashMap<>();
        headers.put("operation", name);
        String expectedPath = operation.path("path").asText();
        for (JsonNode parameter : operation.path("pathParams")) {
            String value = "integer".equals(parameter.path("type").asText()) ? "7" : "n 7/x";
            headers.put(parameter.path("header").asText(), value);
            expectedPath = expectedPath.replace("{" + parameter.path("name").asText() + "}",
                    "integer".equals(parameter.path("type").asText()) ? "7" : "n%207%2Fx");
        }
        Object body = null;
        String bodyType = operation.path("bodyType").asText(null);
        if ("array".equals(bodyType)) {
            body = List.of(Map.of("fieldValue", "a"), Map.of("fieldValue", "b"));
        } else if ("form".equals(bodyType)) {
            body = Map.of("event", "signed-up", "eventdata", "plan=pro", "email", "jane@example.com");
        } else if ("object".equals(bodyType)) {
            body = Map.of("title", "Big deal");
        }

        Object requestBody = body;
        Exchange result = template.request("direct:call", e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setBody(requestBody);
        });

        assertThat(result.getException()).isNull();
        List<LoggedRequest> requests = new ArrayList<>(wireMock.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getMethod().getName()).isEqualTo(operation.path("method").asText());
        if (tracking) {
            assertThat(request.getUrl()).isEqualTo("/event");
            assertThat(request.getHeader("Api-Token")).isNull();
            assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.getBodyAsString()).isEqualTo("actid=1000&key=" + TRACKING_KEY
                                                            + "&event=signed-up&eventdata=plan%3Dpro"
                                                            + "&visit=%7B%22email%22%3A%22jane%40example.com%22%7D");
        } else {
            assertThat(request.getUrl()).startsWith("/api/3" + expectedPath);
            assertThat(request.getHeader("Api-Token")).isEqualTo(TOKEN);
            assertBody(operation, bodyType, body, request);
        }
        assertThat(result.getMessage().getHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(result.getMessage().getHeader(ActiveCampaignConstants.OPERATION)).isEqualTo(name);
        assertThat(result.getMessage().getHeader(ActiveCampaignConstants.TOTAL)).isEqualTo(3L);
        assertThat(result.getMessage().getBody(Map.class)).containsKey("result");
    }

    private static void assertBody(JsonNode operation, String bodyType, Object body, LoggedRequest request)
            throws IOException {
        String method = operation.path("method").asText();
        if (bodyType == null || "DELETE".equals(method)) {
            assertThat(request.getBodyAsString()).isEmpty();
            return;
        }
        JsonNode sent = MAPPER.readTree(request.getBodyAsString());
        JsonNode expected = MAPPER.valueToTree(body);
        String bodyKey = operation.path("bodyKey").asText(null);
        if (bodyKey != null) {
            assertThat(sent.get(bodyKey)).as("body wrapped in %s", bodyKey).isEqualTo(expected);
            assertThat(sent.size()).isEqualTo(1);
        } else {
            assertThat(sent).isEqualTo(expected);
        }
    }
}
