// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the operations of an OpenAPI 3 description: method, path, parameters, request body schema, the schema
 * of the first successful response (with {@code $ref}s resolved), and the request and response examples.
 */
final class SpecReader {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private final JsonNode root;

    private SpecReader(JsonNode root) {
        this.root = root;
    }

    static List<SpecOperation> read(Path spec) throws IOException {
        return new SpecReader(new ObjectMapper(new YAMLFactory()).readTree(spec.toFile())).operations();
    }

    static List<SpecOperation> read(String yaml) throws IOException {
        return new SpecReader(new ObjectMapper(new YAMLFactory()).readTree(yaml)).operations();
    }

    private List<SpecOperation> operations() {
        List<SpecOperation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    private SpecOperation operation(String method, String path, JsonNode node) {
        SpecOperation operation = new SpecOperation(method, path);
        for (JsonNode parameter : node.path("parameters")) {
            JsonNode p = resolve(parameter);
            String type = resolve(p.path("schema")).path("type").asText("string");
            operation.params.add(new SpecOperation.Param(
                    p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false), type));
        }
        JsonNode content = node.path("requestBody").path("content");
        if (content.size() > 0) {
            JsonNode body = content.elements().next();
            operation.bodySchema = resolveWithProperties(body.path("schema"));
            Iterator<JsonNode> examples = body.path("examples").elements();
            operation.requestExample = examples.hasNext() ? resolve(examples.next()).get("value") : null;
        }
        Iterator<Map.Entry<String, JsonNode>> responses = node.path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            JsonNode responseContent = resolve(response.getValue()).path("content");
            JsonNode first = responseContent.size() > 0 ? responseContent.elements().next() : null;
            if (response.getKey().startsWith("2") && operation.responseSchema == null && first != null) {
                operation.responseSchema = resolveWithProperties(first.path("schema"));
            }
            if (first != null) {
                Iterator<Map.Entry<String, JsonNode>> examples = first.path("examples").fields();
                while (examples.hasNext()) {
                    Map.Entry<String, JsonNode> example = examples.next();
                    JsonNode value = resolve(example.getValue()).get("value");
                    if (value != null) {
                        operation.responseExamples.add(
                                new SpecOperation.ResponseExample(response.getKey(), example.getKey(), value));
                    }
                }
            }
        }
        return operation;
    }

    /** Resolves a schema and, one level down, the schemas of its properties (where envelopes live). */
    private JsonNode resolveWithProperties(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (!resolved.has("properties")) {
            return resolved;
        }
        ObjectNode copy = resolved.deepCopy();
        ObjectNode properties = (ObjectNode) copy.get("properties");
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            properties.set(name, resolve(properties.get(name)));
        }
        return copy;
    }

    /** Follows a local {@code #/components/...} reference. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local references are supported: " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
