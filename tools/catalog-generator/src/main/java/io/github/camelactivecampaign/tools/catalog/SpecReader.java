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
 * Reads the operations of an OpenAPI 3 description: method, path, parameters, request body schema and
 * the schema of the first successful response, with {@code $ref}s resolved.
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
            operation.bodySchema = resolveWithProperties(content.elements().next().path("schema"));
        }
        Iterator<Map.Entry<String, JsonNode>> responses = node.path("responses").fields();
        while (responses.hasNext() && operation.responseSchema == null) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("2")) {
                JsonNode responseContent = resolve(response.getValue()).path("content");
                operation.responseSchema = responseContent.size() > 0
                        ? resolveWithProperties(responseContent.elements().next().path("schema")) : null;
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
