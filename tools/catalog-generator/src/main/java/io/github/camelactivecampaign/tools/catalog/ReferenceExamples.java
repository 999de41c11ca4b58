// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the reference's examples as a fixture for the simulator's contract test, so that the normal build can
 * check the simulator against them without the OpenAPI description. The fixture is a JSON array with one entry
 * per response example of every operation that has one, in catalog order:
 *
 * <pre>
 * {
 *   "operation": "accounts/create",        the catalog name of the operation
 *   "status": 201,                         the response status the example belongs to
 *   "exampleName": "Result",               the example's name in the reference
 *   "example": { "account": { ... } },     the example body, parsed
 *   "requestExample": { "account": {...} } the operation's first request body example, when it has one
 * }
 * </pre>
 *
 * A response example that is not valid JSON is mended where only its punctuation is wrong ({@link ExampleRepair}):
 * it then has its {@code example}, {@code repairedExample} saying what was wrong and {@code rawExample} its text.
 * One that cannot be mended (an empty body, the HTML snippet) has no {@code example}: {@code invalidExample} says
 * why and {@code rawExample} holds its text, so a test can count them instead of missing them silently. Examples under a non-numeric status ({@code default}) are
 * left out: no request can ask for them.
 */
final class ReferenceExamples {

    /** Strict: text after the first value (two objects in a row, a key without braces) is not valid JSON. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ReferenceExamples() {
    }

    static String json(List<CatalogOperation> operations) throws IOException {
        ArrayNode entries = MAPPER.createArrayNode();
        for (CatalogOperation operation : operations) {
            for (SpecOperation.ResponseExample example : operation.responseExamples()) {
                if (!example.status().matches("\\d{3}")) {
                    continue;
                }
                ObjectNode entry = entries.addObject();
                entry.put("operation", operation.name());
                entry.put("status", Integer.parseInt(example.status()));
                entry.put("exampleName", example.name());
                putExample(entry, example.value());
                if (operation.requestExample() != null) {
                    JsonNode request = parse(operation.requestExample());
                    if (request != null) {
                        entry.set("requestExample", request);
                    }
                }
            }
        }
        return MAPPER.writeValueAsString(entries) + "\n";
    }

    private static void putExample(ObjectNode entry, JsonNode value) {
        if (!value.isTextual()) {
            entry.set("example", value);
            return;
        }
        String text = value.asText();
        if (text.isBlank()) {
            entry.put("invalidExample", "empty: the reference shows no body");
        } else {
            try {
                entry.set("example", MAPPER.readTree(text));
                return;
            } catch (JsonProcessingException e) {
                JsonNode repaired = repaired(text);
                if (repaired != null) {
                    entry.set("example", repaired);
                    entry.put("repairedExample", "not JSON as written (" + e.getOriginalMessage()
                                                 + "); its punctuation was mended by ExampleRepair");
                    entry.put("rawExample", text);
                    return;
                }
                entry.put("invalidExample", "not JSON: " + e.getOriginalMessage());
            }
        }
        entry.put("rawExample", text);
    }

    /** The example once its punctuation is mended, or null when it still is not JSON. */
    private static JsonNode repaired(String text) {
        String mended = ExampleRepair.repair(text);
        if (mended == null) {
            return null;
        }
        try {
            return MAPPER.readTree(mended);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A request example: a YAML value as it is, or JSON text parsed; null when the text is not JSON. */
    private static JsonNode parse(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            return MAPPER.readTree(value.asText());
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
