// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations the simulator serves: the component's catalog (operations.json), copied into this jar at build;
 * and the collection each operation works on.
 */
final class SimulatorCatalog {

    static final String RESOURCE = "META-INF/activecampaign-simulator/operations.json";

    /** An operation matched by a request, with its path parameters. */
    record Match(SimulatorOperation operation, Map<String, String> pathParams) {
    }

    private final List<SimulatorOperation> operations;
    private final Map<String, SimulatorOperation> byName = new HashMap<>();
    private final Map<String, String> apiCollections = new HashMap<>();
    private final Set<String> plurals = new HashSet<>();

    private SimulatorCatalog(List<SimulatorOperation> operations) {
        this.operations = operations;
        for (SimulatorOperation operation : operations) {
            byName.put(operation.name(), operation);
            if (operation.list() && operation.resultKey() != null && !operation.subResource()) {
                plurals.add(operation.resultKey());
                if (operation.resultKey().equals(operation.apiName())) {
                    apiCollections.put(operation.apiName(), operation.resultKey());
                }
            }
        }
        for (SimulatorOperation operation : operations) {
            if (operation.list() && operation.resultKey() != null && !operation.subResource()) {
                apiCollections.putIfAbsent(operation.apiName(), operation.resultKey());
            }
        }
        for (SimulatorOperation operation : operations) {
            if (operation.resultKey() != null && !operation.subResource()) {
                apiCollections.putIfAbsent(operation.apiName(), plural(operation.resultKey()));
            }
            apiCollections.putIfAbsent(operation.apiName(), operation.apiName());
        }
        plurals.addAll(apiCollections.values());
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
                        text(node, "bodyKey"), node.path("list").asBoolean(), text(node, "resultKey")));
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

    SimulatorOperation operation(String name) {
        return byName.get(name);
    }

    List<SimulatorOperation> operations() {
        return operations;
    }

    /**
     * The collection an operation's records live in: for {@code /contacts/{id}/deals} the deals, for
     * {@code /deals/{id}/notes} the notes, otherwise the collection its resource lists ({@code customObjectSchemas}
     * keep theirs in {@code schemas}).
     */
    String collection(SimulatorOperation operation) {
        if (operation.subResource()) {
            return plural(operation.resultKey() != null ? operation.resultKey() : operation.lastLiteral());
        }
        return apiCollections.getOrDefault(operation.apiName(), operation.apiName());
    }

    /** The collection of the record an operation's path names first: contacts for /contacts/{id}/deals. */
    String parentCollection(SimulatorOperation operation) {
        return apiCollections.getOrDefault(operation.apiName(), operation.apiName());
    }

    /** The collection named by a record or list key: deal, deals and dealStages give deals and dealStages. */
    String plural(String key) {
        if (plurals.contains(key) || key.endsWith("Data") || key.endsWith("Meta")) {
            return key;
        }
        if (key.endsWith("um")) {
            return key.substring(0, key.length() - 2) + "a"; // contactDatum, accountCustomFieldMetum
        }
        if (key.endsWith("ss") || key.endsWith("x")) {
            return key + "es";
        }
        if (key.endsWith("s")) {
            return key;
        }
        if (key.endsWith("y") && key.length() > 1 && "aeiou".indexOf(key.charAt(key.length() - 2)) < 0) {
            return key.substring(0, key.length() - 1) + "ies";
        }
        return key + "s";
    }

    /** The record key of a collection: deals gives deal, contactData contactDatum, addresses address. */
    static String singular(String collection) {
        if (collection.endsWith("Data") || collection.endsWith("Meta")) {
            return collection.substring(0, collection.length() - 1) + "um";
        }
        if (collection.endsWith("ies")) {
            return collection.substring(0, collection.length() - 3) + "y";
        }
        if (collection.endsWith("sses") || collection.endsWith("xes")) {
            return collection.substring(0, collection.length() - 2);
        }
        return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
