// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile or careless input to producers, refused before any I/O with an exception that names the operation, the
 * problem and the fix: bodies nested deeper than any record (no StackOverflowError out of the template), JSON with
 * something after it, bodies of the wrong shape for the operation, events without a contact, ids no record has,
 * control characters in any path or query value, and options that are no numbers.
 */
class ProducerHardeningTest extends ActiveCampaignTestSupport {

    private boolean expectNoRequest = true;

    @AfterEach
    void nothingSent() {
        if (expectNoRequest) {
            assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).as("requests sent").isEmpty();
        }
    }

    private static Map<String, Object> nestedMap(int depth) {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> current = root;
        for (int i = 0; i < depth; i++) {
            Map<String, Object> next = new HashMap<>();
            current.put("a", next);
            current = next;
        }
        return root;
    }

    // ---- depth and size

    @Test
    void deeplyNestedMapFailsTheExchangeInsteadOfOverflowingTheStack() {
        assertThat(failure("activecampaign:deals/create", nestedMap(5_000), Map.of()))
                .isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("deals/create: the body is nested more than 200 levels deep");
    }

    @Test
    void deeplyNestedJsonNode() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode current = root;
        for (int i = 0; i < 5_000; i++) {
            current = current.putObject("a");
        }
        assertThat(failure("activecampaign:deals/create", root, Map.of()))
                .isInstanceOf(ActiveCampaignException.class).hasMessageContaining("nested more than 200 levels");
    }

    @Test
    void deeplyNestedJsonText() {
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        assertThat(failure("activecampaign:deals/create", deep, Map.of()))
                .isInstanceOf(ActiveCampaignException.class).hasMessageContaining("nested more than 200 levels");
    }

    @Test
    void deeplyNestedListForAnArrayOperation() {
        List<Object> root = new ArrayList<>();
        List<Object> current = root;
        for (int i = 0; i < 5_000; i++) {
            List<Object> next = new ArrayList<>();
            current.add(next);
            current = next;
        }
        assertThat(failure("activecampaign:dealCustomFieldData/bulkCreate", root, Map.of()))
                .isInstanceOf(ActiveCampaignException.class).hasMessageContaining("nested more than 200 levels");
    }

    @Test
    void cyclicMap() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("title", "x");
        cyclic.put("self", cyclic);
        assertThat(failure("activecampaign:deals/create", cyclic, Map.of()))
                .isInstanceOf(ActiveCampaignException.class).hasMessageContaining("cyclic or runaway structure");
    }

    @Test
    void nestingWithinTheLimitIsSent() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"deal\":{\"id\":\"1\"}}")));
        Exchange exchange = template.request("activecampaign:deals/create", e -> e.getMessage().setBody(nestedMap(150)));
        assertThat(exchange.getException()).isNull();
    }

    @Test
    void jsonTextLongerThanMaxBodySizeIsRefusedBeforeItIsParsed() {
        String big = "{\"title\":\"" + "x".repeat(500) + "\"}";
        assertThat(failure("activecampaign:deals/create?maxBodySize=100", big, Map.of()))
                .isInstanceOf(ActiveCampaignException.class).hasMessageContaining("more than maxBodySize (100)");
        assertThat(failure("activecampaign:deals/create?maxBodySize=100", Map.of("title", "x".repeat(500)), Map.of()))
                .isInstanceOf(ActiveCampaignException.class).hasMessageContaining("more than maxBodySize (100)");
    }

    // ---- trailing content

    @Test
    void textAfterTheJsonValue() {
        assertThat(failure("activecampaign:deals/create", "{\"title\":\"x\"} garbage", Map.of()))
                .hasMessageContaining("deals/create: the body is not valid JSON")
                .hasMessageContaining("nothing after it");
    }

    @Test
    void secondJsonValueAfterTheFirst() {
        assertThat(failure("activecampaign:deals/create", "{\"title\":\"x\"} {\"title\":\"y\"}", Map.of()))
                .hasMessageContaining("the body is not valid JSON");
    }

    @Test
    void nulPaddingAfterTheJsonValue() {
        assertThat(failure("activecampaign:deals/create", "{\"title\":\"x\"}\u0000\u0000\u0000", Map.of()))
                .hasMessageContaining("the body is not valid JSON");
    }

    @Test
    void bytesWithGarbageAfterTheJsonValue() {
        byte[] bytes = "{\"title\":\"x\"}]]".getBytes(StandardCharsets.UTF_8);
        assertThat(failure("activecampaign:deals/create", bytes, Map.of()))
                .hasMessageContaining("the body is not valid JSON");
    }

    @Test
    void trailingWhitespaceIsFine() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"deal\":{\"id\":\"1\"}}")));
        Exchange exchange = template.request("activecampaign:deals/create",
                e -> e.getMessage().setBody("{\"title\":\"x\"}\n  \t\n"));
        assertThat(exchange.getException()).isNull();
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .isEqualTo("{\"deal\":{\"title\":\"x\"}}");
    }

    // ---- shape

    @Test
    void numberForAnOperationThatTakesAnObject() {
        assertThat(failure("activecampaign:deals/create", 42, Map.of()))
                .hasMessageContaining("deals/create takes a JSON object: the deal fields, alone or as {\"deal\": {...}}")
                .hasMessageContaining("got a JSON number");
    }

    @Test
    void jsonStringForAnOperationThatTakesAnObject() {
        assertThat(failure("activecampaign:deals/create", "\"a title\"", Map.of()))
                .hasMessageContaining("deals/create takes a JSON object").hasMessageContaining("got a JSON string");
    }

    @Test
    void listForAnOperationThatTakesAnObject() {
        assertThat(failure("activecampaign:deals/create", List.of(Map.of("title", "x")), Map.of()))
                .hasMessageContaining("deals/create takes a JSON object").hasMessageContaining("got a JSON array");
    }

    @Test
    void numberUnderTheEnvelope() {
        assertThat(failure("activecampaign:deals/create", Map.of("deal", 42), Map.of()))
                .hasMessageContaining("deals/create: the \"deal\" envelope holds an object, got a JSON number");
    }

    @Test
    void listUnderTheEnvelope() {
        assertThat(failure("activecampaign:deals/update?id=7", "{\"deal\": [{\"title\": \"x\"}]}", Map.of()))
                .hasMessageContaining("deals/update: the \"deal\" envelope holds an object, got a JSON array");
    }

    @Test
    void nullUnderTheEnvelope() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deal", null);
        assertThat(failure("activecampaign:deals/create", body, Map.of()))
                .hasMessageContaining("the \"deal\" envelope holds an object, got a JSON null");
    }

    @Test
    void valueUnderTheEnvelopeBesideOtherFieldsIsOneOfTheRecordsFields() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"field\":{\"id\":\"1\"}}")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", "7");
        body.put("title", "Shoe size");
        Exchange exchange = template.request("activecampaign:fields/create", e -> e.getMessage().setBody(body));
        assertThat(exchange.getException()).isNull();
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .isEqualTo("{\"field\":{\"field\":\"7\",\"title\":\"Shoe size\"}}");
    }

    @Test
    void listUnderAnEnvelopeThatIsAlsoAField() {
        assertThat(failure("activecampaign:notes/create", Map.of("note", List.of("a")), Map.of()))
                .hasMessageContaining("notes/create: the \"note\" envelope holds an object, got a JSON array");
    }

    @Test
    void textUnderAnEnvelopeThatIsAlsoAFieldIsTheRecordsField() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withBody("{\"note\":{\"id\":\"1\"}}")));
        Exchange exchange = template.request("activecampaign:notes/create",
                e -> e.getMessage().setBody(Map.of("note", "Called back")));
        assertThat(exchange.getException()).isNull();
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .isEqualTo("{\"note\":{\"note\":\"Called back\"}}");
    }

    @Test
    void listForAnUnwrappedObjectOperation() {
        assertThat(failure("activecampaign:deals/bulkUpdate", List.of(Map.of("id", 1)), Map.of()))
                .hasMessageContaining("deals/bulkUpdate takes a JSON object; got a JSON array");
    }

    // ---- event tracking

    @Test
    void eventWithoutEmailOrVisit() {
        assertThat(failure("activecampaign:eventTracking/track", Map.of("event", "signed-up"), Map.of()))
                .hasMessageContaining("eventTracking/track needs the contact the event is about")
                .hasMessageContaining("email");
    }

    @Test
    void eventWithABlankEmail() {
        assertThat(failure("activecampaign:eventTracking/track", Map.of("event", "signed-up", "email", " "), Map.of()))
                .hasMessageContaining("needs the contact the event is about");
    }

    @Test
    void eventWithAVisitOnlyIsSent() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":1,\"message\":\"Event spawned\"}")));
        Exchange exchange = template.request("activecampaign:eventTracking/track",
                e -> e.getMessage().setBody(Map.of("event", "signed-up", "visit", Map.of("email", "a@example.com"))));
        assertThat(exchange.getException()).isNull();
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .contains("visit=%7B%22email%22%3A%22a%40example.com%22%7D");
    }

    // ---- ids and values

    @Test
    void idLongerThanAnyRecordsId() {
        assertThat(failure("activecampaign:deals/get", null, Map.of("CamelActiveCampaignId", "9".repeat(400))))
                .hasMessageContaining("deals/get: path parameter id is 400 digits long, larger than any ActiveCampaign id");
    }

    @Test
    void idJustPastTheLargestNumber() {
        assertThat(failure("activecampaign:deals/get", null, Map.of("CamelActiveCampaignId", "9223372036854775808")))
                .hasMessageContaining("is 19 digits long, larger than any ActiveCampaign id");
    }

    @Test
    void nulInAPathId() {
        assertThat(failure("activecampaign:eventTrackingEvents/delete", null,
                Map.of("CamelActiveCampaignEventName", "signed-up\u0000")))
                .hasMessageContaining("eventTrackingEvents/delete: path parameter eventName contains the control character "
                                      + "U+0000 at position 9");
    }

    @Test
    void nulInAQueryValue() {
        assertThat(failure("activecampaign:deals/list", null, Map.of("CamelActiveCampaignFiltersTitle", "a\u0000b")))
                .hasMessageContaining("deals/list: filtersTitle contains the control character U+0000 at position 1");
    }

    @Test
    void escapeInAQueryValue() {
        assertThat(failure("activecampaign:contacts/list", null, Map.of("CamelActiveCampaignEmail", "\u001b[31ma@b.c")))
                .hasMessageContaining("email contains the control character U+001B");
    }

    @Test
    void nulInARawQueryParameter() {
        assertThat(failure("activecampaign:deals/list", null, Map.of(ActiveCampaignConstants.QUERY_PARAMETERS,
                Map.of("filters[title][contains]", "x\u0000"))))
                .hasMessageContaining("filters[title][contains] contains the control character U+0000");
    }

    @Test
    void nulInARawQueryParameterName() {
        assertThat(failure("activecampaign:deals/list", null, Map.of(ActiveCampaignConstants.QUERY_PARAMETERS,
                Map.of("filters\u0000", "x"))))
                .hasMessageContaining("query parameter name contains the control character U+0000");
    }

    @Test
    void unpairedSurrogateInAQueryValue() {
        assertThat(failure("activecampaign:contacts/list", null, Map.of("CamelActiveCampaignEmail", "a\ud800@b.c")))
                .hasMessageContaining("email contains an unpaired UTF-16 surrogate at position 1");
    }

    @Test
    void tabAndPairedSurrogatesAreSentEncoded() {
        expectNoRequest = false;
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"contacts\":[]}")));
        Exchange exchange = template.request("activecampaign:contacts/list",
                e -> e.getMessage().setHeader("CamelActiveCampaignEmailLike", "a\tb\ud83d\ude00"));
        assertThat(exchange.getException()).isNull();
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getUrl())
                .endsWith("email_like=a%09b%F0%9F%98%80");
    }

    @Test
    void nonNumericLimitOnTheUriSaysWhatWasGiven() {
        Exception e = startFailure("activecampaign:deals/list?limit=ten");
        assertThat(messages(e)).contains("deals/list: limit must be a whole number, was 'ten'").doesNotContain("was 0");
    }

    @Test
    void nonNumericIdOnTheUri() {
        Exception e = startFailure("activecampaign:deals/get?id=seven");
        assertThat(messages(e)).contains("deals/get: id must be a whole number, was 'seven'");
    }

    /** The exception of an endpoint that cannot be created or started, whether thrown or set on the exchange. */
    private Exception startFailure(String uri) {
        try {
            Exchange exchange = template.request(uri, e -> { });
            assertThat(exchange.getException()).as("the call failed").isNotNull();
            return exchange.getException();
        } catch (RuntimeException e) {
            return e;
        }
    }

    static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
