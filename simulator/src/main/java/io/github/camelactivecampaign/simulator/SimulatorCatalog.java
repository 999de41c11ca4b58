// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations the simulator serves: the component's catalog (operations.json), copied into this jar at build.
 */
final class SimulatorCatalog {

    static final String RESOURCE = "META-INF/activecampaign-simulator/operations.json";

    /** An operation matched by a request, with its path parameters. */
    record Match(SimulatorOperation operation, Map<String, String> pathParams) {
    }

    private final List<SimulatorOperation> operations;

    private SimulatorCatalog(List<SimulatorOperation> operations) {
        this.operations = operations;
    }

    private static final class Holder {
        static final SimulatorCatalog INSTANCE = load();
    }

    /** The catalog, read once per class loader: it never changes, and every simulator serves the same one. */
    static SimulatorCatalog get() {
        return Holder.INSTANCE;
    }

    private static SimulatorCatalog load() {
        try (InputStream in = SimulatorCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the simulator jar");
            }
            List<SimulatorOperation> operations = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                if ("tracking".equals(node.path("host").asText())) {
                    continue; // served at /event, outside /api/3
                }
                operations.add(SimulatorOperation.of(node.path("name").asText(), node.path("apiName").asText(),
                        node.path("methodName").asText(), node.path("method").asText(), node.path("path").asText(),
                        text(node, "bodyKey"), text(node, "bodyType"), node.path("list").asBoolean(),
                        text(node, "resultKey")));
            }
            // literal paths before templated ones: /users/me must not be taken for /users/{id}
            operations.sort(Comparator.comparingInt(SimulatorOperation::paramCount));
            return new SimulatorCatalog(List.copyOf(operations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Match match(String method, String pathUnderApi) {
        for (SimulatorOperation operation : operations) {
            Map<String, String> params = operation.match(method, pathUnderApi);
            if (params != null) {
                return new Match(operation, params);
            }
        }
        return null;
    }

    boolean servesPath(String pathUnderApi) {
        return operations.stream().anyMatch(o -> o.pattern().matcher(pathUnderApi).matches());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
