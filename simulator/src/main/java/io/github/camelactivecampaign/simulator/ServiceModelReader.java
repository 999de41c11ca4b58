// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Derives the {@link ServiceModel} from the reference's response examples
 * ({@code [{"operation": "deals/create", "status": 201, "example": {...}}, ...]}).
 * <p>
 * A collection's fields are the union of every example record of it, as the answer to an operation or as a
 * companion array of another one. Reads decide a field's type (the service reads back {@code "value": "12000"});
 * example values become neutral defaults, never answers: "0" for a numeric string, "" for text, the record's own
 * creation time for a date, its own sub-resource URLs for {@code links}.
 */
final class ServiceModelReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A record of a collection seen in one example, and how much its types count (reads first). */
    private record Sample(String collection, ObjectNode record, int rank) {
    }

    private final SimulatorCatalog catalog;

    ServiceModelReader(SimulatorCatalog catalog) {
        this.catalog = catalog;
    }

    ServiceModel read(JsonNode examples) {
        List<Sample> samples = new ArrayList<>();
        for (JsonNode entry : examples) {
            SimulatorOperation operation = catalog.operation(entry.path("operation").asText());
            if (operation != null && isSuccess(entry)) {
                collect(operation, (ObjectNode) entry.get("example"), samples);
            }
        }
        samples.sort(Comparator.comparingInt(Sample::rank));
        Map<String, Map<String, FieldShape>> fields = new LinkedHashMap<>();
        for (Sample sample : samples) {
            Map<String, FieldShape> shape = fields.computeIfAbsent(sample.collection(), k -> new LinkedHashMap<>());
            sample.record().fields().forEachRemaining(e -> shape.merge(e.getKey(), field(e.getKey(), e.getValue()),
                    ServiceModelReader::typed));
        }
        Map<String, ResourceShape> resources = new HashMap<>();
        fields.forEach((collection, shape) -> resources.put(collection, ResourceShape.of(collection, shape)));

        Map<String, OperationShape> operations = new HashMap<>();
        for (JsonNode entry : examples) {
            SimulatorOperation operation = catalog.operation(entry.path("operation").asText());
            if (operation != null && isSuccess(entry) && !operations.containsKey(operation.name())) {
                operations.put(operation.name(), operation(operation, entry.path("status").asInt(200),
                        (ObjectNode) entry.get("example"), resources));
            }
        }
        return new ServiceModel(Map.copyOf(resources), Map.copyOf(operations));
    }

    /**
     * A success answer with a readable example: the reference also documents error answers (400, 404, 422, ...)
     * and examples that are not valid JSON, which describe no record.
     */
    static boolean isSuccess(JsonNode entry) {
        int status = entry.path("status").asInt(200);
        return status >= 200 && status < 300 && entry.path("example").isObject();
    }

    private void collect(SimulatorOperation operation, ObjectNode example, List<Sample> samples) {
        boolean read = "GET".equals(operation.method());
        Iterator<Map.Entry<String, JsonNode>> keys = example.fields();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> key = keys.next();
            if ("meta".equals(key.getKey())) {
                continue;
            }
            boolean primary = key.getKey().equals(operation.resultKey());
            String collection = primary ? catalog.collection(operation) : catalog.plural(key.getKey());
            int rank = rank(operation, primary, read);
            for (JsonNode record : key.getValue().isArray() ? key.getValue() : List.of(key.getValue())) {
                if (record.isObject()) {
                    samples.add(new Sample(collection, (ObjectNode) record, rank));
                }
            }
        }
    }

    /** Single reads show a record best, then lists, other reads, companion arrays, then writes (which echo). */
    private static int rank(SimulatorOperation operation, boolean primary, boolean read) {
        if (!read) {
            return primary ? 4 : 5;
        }
        if (!primary) {
            return 3;
        }
        if (operation.subResource()) {
            return 2;
        }
        return operation.list() ? 1 : 0;
    }

    /**
     * Keeps the first example of a field, completed by the later ones: a field first seen as null takes its type and
     * default from a later example, link names and nested object keys add up (one example shows more links).
     */
    private static FieldShape typed(FieldShape first, FieldShape later) {
        boolean untyped = first.kind() == null && later.kind() != null;
        JsonNodeType kind = untyped ? later.kind() : first.kind();
        JsonNode neutral = untyped ? later.neutral() : union(first.neutral(), later.neutral());
        List<String> links = first.links();
        if (later.links() != null) {
            Set<String> names = new LinkedHashSet<>(links == null ? List.of() : links);
            names.addAll(later.links());
            links = List.copyOf(names);
        }
        // a field empty in one example and a date or a digest in another is that date or digest
        Dates.Style date = untyped || first.date() == null && first.kind() == later.kind() ? later.date()
                : first.date();
        int hash = untyped || first.hashLength() == 0 ? later.hashLength() : first.hashLength();
        return new FieldShape(first.name(), kind, neutral, date, links, hash);
    }

    private static JsonNode union(JsonNode first, JsonNode later) {
        if (!first.isObject() || !later.isObject()) {
            return first;
        }
        ObjectNode union = ((ObjectNode) first).deepCopy();
        later.fields().forEachRemaining(e -> union.set(e.getKey(), union.has(e.getKey())
                ? union(union.get(e.getKey()), e.getValue()) : e.getValue()));
        return union;
    }

    static FieldShape field(String name, JsonNode example) {
        JsonNodeType kind = example.isNull() ? null : example.getNodeType();
        if (example.isTextual()) {
            String text = example.asText();
            Dates.Style date = Dates.styleOf(text);
            int hash = "hash".equals(name) && isHex(text) ? text.length() : 0;
            return new FieldShape(name, kind, neutral(example), date, null, hash);
        }
        if ("links".equals(name) && example.isObject()) {
            List<String> links = new ArrayList<>();
            example.fieldNames().forEachRemaining(links::add);
            return new FieldShape(name, kind, NODES.objectNode(), null, List.copyOf(links), 0);
        }
        return new FieldShape(name, kind, neutral(example), null, null, 0);
    }

    /** An example value emptied of its content, keeping its type. */
    static JsonNode neutral(JsonNode example) {
        switch (example.getNodeType()) {
            case STRING:
                String text = example.asText();
                return TextNode.valueOf(text.startsWith("0000-00-00") ? text : isNumber(text) ? "0" : "");
            case NUMBER:
                return example.isIntegralNumber() ? IntNode.valueOf(0) : DoubleNode.valueOf(0);
            case BOOLEAN:
                return NODES.booleanNode(false);
            case ARRAY:
                return NODES.arrayNode();
            case OBJECT:
                ObjectNode object = NODES.objectNode();
                example.fields().forEachRemaining(e -> object.set(e.getKey(), neutral(e.getValue())));
                return object;
            default:
                return NullNode.getInstance();
        }
    }

    private OperationShape operation(SimulatorOperation operation, int status, ObjectNode example,
                                     Map<String, ResourceShape> resources) {
        List<String> sideloads = new ArrayList<>();
        example.fields().forEachRemaining(e -> {
            if (!"meta".equals(e.getKey()) && !e.getKey().equals(operation.resultKey()) && e.getValue().isArray()) {
                sideloads.add(e.getKey());
            }
        });
        JsonNode primary = operation.resultKey() == null ? null : example.get(operation.resultKey());
        Map<String, Map<String, JsonNodeType>> kinds = new HashMap<>();
        example.fields().forEachRemaining(e -> {
            boolean isPrimary = e.getKey().equals(operation.resultKey());
            String collection = isPrimary ? catalog.collection(operation) : catalog.plural(e.getKey());
            ResourceShape resource = resources.get(collection);
            if (!"meta".equals(e.getKey()) && resource != null) {
                Map<String, JsonNodeType> differing = differing(e.getValue(), resource);
                if (!differing.isEmpty()) {
                    kinds.put(e.getKey(), differing);
                }
            }
        });
        boolean primaryArray = primary != null && primary.isArray() && !operation.list();
        return new OperationShape(status, primaryArray, Map.copyOf(kinds), List.copyOf(sideloads),
                example.get("meta"));
    }

    /** The fields whose JSON type in these example records differs from the collection's reads (first wins). */
    private static Map<String, JsonNodeType> differing(JsonNode records, ResourceShape resource) {
        Map<String, JsonNodeType> kinds = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode record : records.isArray() ? records : List.of(records)) {
            record.fields().forEachRemaining(e -> {
                JsonNodeType kind = e.getValue().isNull() ? null : e.getValue().getNodeType();
                if (kind != null && seen.add(e.getKey()) && kind != resource.kind(e.getKey())) {
                    kinds.put(e.getKey(), kind);
                }
            });
        }
        return Map.copyOf(kinds);
    }

    static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c == '-' && i == 0) && c != '.') {
                return false;
            }
        }
        return digits > 0;
    }

    private static boolean isHex(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
