// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of the generator's fixture {@code reference-examples.json}: an operation, the success status and
 * response example the reference documents for it, and its request example when it has one.
 */
record ReferenceExample(String operation, int status, JsonNode example, JsonNode requestExample) {

    static final String FIXTURE = "reference-examples.json";

    /** The fixture's entries, or null when the fixture is not on the test classpath. */
    static List<ReferenceExample> load() throws IOException {
        try (InputStream in = ReferenceExample.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            if (in == null) {
                return null;
            }
            List<ReferenceExample> examples = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                // the first success example of each operation; error answers describe no record
                if (!ServiceModelReader.isSuccess(entry) || !seen.add(entry.path("operation").asText())) {
                    continue;
                }
                JsonNode request = entry.get("requestExample");
                examples.add(new ReferenceExample(entry.path("operation").asText(), entry.path("status").asInt(),
                        entry.path("example"), request == null || request.isNull() ? null : request));
            }
            return examples;
        }
    }

    /**
     * Per collection, the fields a seeded record starts from: its create operation's request example, else the
     * references (contact, deal, ...) its example records carry.
     */
    static Map<String, ObjectNode> samples(List<ReferenceExample> examples, SimulatorCatalog catalog) {
        Map<String, ObjectNode> samples = new HashMap<>();
        for (ReferenceExample example : examples) {
            SimulatorOperation operation = catalog.operation(example.operation());
            if (operation != null && "POST".equals(operation.method()) && operation.paramCount() == 0
                && operation.methodName().startsWith("create")) {
                ObjectNode fields = WriteRules.envelope(operation, example.requestExample());
                if (fields != null) {
                    samples.putIfAbsent(catalog.collection(operation), fields);
                }
            }
        }
        for (ReferenceExample example : examples) {
            SimulatorOperation operation = catalog.operation(example.operation());
            JsonNode records = operation == null || operation.resultKey() == null ? null
                    : example.example().get(operation.resultKey());
            JsonNode record = records != null && records.isArray() ? records.get(0) : records;
            String collection = operation == null ? null : catalog.collection(operation);
            if (record != null && record.isObject() && !samples.containsKey(collection)) {
                ObjectNode references = new ObjectMapper().createObjectNode();
                record.fields().forEachRemaining(e -> {
                    if (Relations.target(collection, e.getKey(), record) != null
                        && Relations.reference(e.getValue()) != null) {
                        references.set(e.getKey(), e.getValue());
                        if ("relid".equals(e.getKey())) {
                            references.set("reltype", record.path("reltype"));
                        }
                    }
                });
                samples.put(collection, references);
            }
        }
        return samples;
    }
}
