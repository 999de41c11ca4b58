// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers as the service writes them: every field the reference shows for the record's collection (defaults where
 * nothing set it), typed as the reference types them for that operation, in the operation's envelope with its
 * companion arrays and meta.
 */
final class ResponseShaper {

    private final ObjectMapper mapper;
    private final ServiceModel model;
    private final SimulatorCatalog catalog;
    private final SimulatorStore store;
    private final SimulatorClock clock;
    private final Sideloads sideloads;
    private volatile String baseUrl = "";

    ResponseShaper(ObjectMapper mapper, ServiceModel model, SimulatorCatalog catalog, SimulatorStore store,
                   SimulatorClock clock, Sideloads sideloads) {
        this.mapper = mapper;
        this.model = model;
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
        this.sideloads = sideloads;
    }

    /** Where the records' links point: the simulator's own API URL. */
    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The status the reference documents for the operation, else the given one. */
    int status(SimulatorOperation operation, int otherwise) {
        OperationShape shape = model.operation(operation.name());
        return shape != null ? shape.status() : otherwise;
    }

    /** {@code {"deal": {...}, "contacts": [...], ...}}: one record in the operation's envelope. */
    SimulatorResponse single(SimulatorRequest request, String collection, ObjectNode stored, int otherwise) {
        SimulatorOperation operation = request.operation();
        OperationShape shape = model.operation(operation.name());
        ObjectNode body = mapper.createObjectNode();
        String key = operation.resultKey() != null ? operation.resultKey() : SimulatorCatalog.singular(collection);
        ObjectNode record = record(collection, stored, shape == null ? Map.of() : shape.kinds(key));
        if (shape != null && shape.primaryArray()) {
            body.putArray(key).add(record);
        } else {
            body.set(key, record);
        }
        companions(body, collection, List.of(stored), shape, shape == null ? List.of() : shape.sideloads());
        if (shape != null && shape.meta() != null) {
            body.set("meta", new MetaWriter(mapper).write(shape.meta(), null, request));
        }
        return SimulatorResponse.of(status(operation, otherwise), body);
    }

    /** {@code {"contacts": [...], "meta": {"total": "2"}}}: a page in the operation's envelope. */
    SimulatorResponse list(SimulatorRequest request, String collection, ListQuery.Page page, boolean withMeta) {
        SimulatorOperation operation = request.operation();
        OperationShape shape = model.operation(operation.name());
        ObjectNode body = mapper.createObjectNode();
        String key = operation.resultKey() != null ? operation.resultKey() : collection;
        ArrayNode records = body.putArray(key);
        Map<String, JsonNodeType> kinds = shape == null ? Map.of() : shape.kinds(key);
        for (ObjectNode stored : page.records()) {
            records.add(record(collection, stored, kinds));
        }
        List<String> names = new ArrayList<>(shape == null ? List.of() : shape.sideloads());
        String include = request.query("include");
        if (include != null) {
            for (String name : include.split(",")) {
                if (!name.isBlank() && !names.contains(name.trim())) {
                    names.add(name.trim());
                }
            }
        }
        companions(body, collection, page.records(), shape, names);
        if (shape != null && shape.meta() != null) {
            body.set("meta", new MetaWriter(mapper).write(shape.meta(), page, request));
        } else if (withMeta) {
            body.putObject("meta").put("total", String.valueOf(page.total()));
        }
        return SimulatorResponse.of(status(operation, 200), body);
    }

    private void companions(ObjectNode body, String collection, List<ObjectNode> primaries, OperationShape shape,
                            List<String> names) {
        sideloads.resolve(collection, primaries, names).forEach((name, related) -> {
            ArrayNode array = body.putArray(name);
            Map<String, JsonNodeType> kinds = shape == null ? Map.of() : shape.kinds(name);
            related.forEach(r -> array.add(record(catalog.plural(name), r, kinds)));
        });
    }

    /** A stored record with every field its collection's reference examples show, typed for this answer. */
    ObjectNode record(String collection, ObjectNode stored, Map<String, JsonNodeType> kinds) {
        ResourceShape shape = model.resource(collection);
        ObjectNode out = mapper.createObjectNode();
        for (FieldShape field : shape.fields().values()) {
            JsonNodeType kind = kinds.get(field.name());
            kind = kind != null ? kind : field.kind();
            JsonNode value = stored.get(field.name());
            if (value != null) {
                out.set(field.name(), Coercion.to(kind, value));
                continue;
            }
            JsonNode typed = Coercion.to(kind, defaultValue(collection, shape, stored, out, field));
            // a default that cannot take this answer's type is that type's empty value
            out.set(field.name(), kind == null || typed.isNull() || typed.getNodeType() == kind ? typed : empty(kind));
        }
        stored.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), Coercion.to(kinds.get(e.getKey()), e.getValue()));
            }
        });
        return out;
    }

    private JsonNode empty(JsonNodeType kind) {
        return switch (kind) {
            case NUMBER -> mapper.getNodeFactory().numberNode(0);
            case BOOLEAN -> mapper.getNodeFactory().booleanNode(false);
            case ARRAY -> mapper.createArrayNode();
            case OBJECT -> mapper.createObjectNode();
            default -> mapper.getNodeFactory().textNode("");
        };
    }

    private JsonNode defaultValue(String collection, ResourceShape shape, ObjectNode stored, ObjectNode out,
                                  FieldShape field) {
        String id = stored.path("id").asText();
        if (field.links() != null) {
            ObjectNode links = mapper.createObjectNode();
            field.links().forEach(name -> links.put(name, baseUrl + "/" + collection + "/" + id + "/" + name));
            return links;
        }
        if (field.date() != null) {
            return mapper.getNodeFactory().textNode(Dates.format(created(shape, stored), field.date(),
                    clock.zone()));
        }
        if (field.hashLength() > 0) {
            return mapper.getNodeFactory().textNode(hash(collection + "/" + id, field.hashLength()));
        }
        if (field.kind() == JsonNodeType.ARRAY) {
            List<ObjectNode> children = children(collection, stored, field.name());
            if (children != null) {
                // a contact lists the ids of its deals, field values, ... ("deals": ["1"])
                ArrayNode ids = mapper.createArrayNode();
                children.forEach(r -> ids.add(r.path("id").asText()));
                return ids;
            }
        }
        if ("owner".equals(field.name()) && field.kind() == JsonNodeType.OBJECT && stored.has("relid")) {
            // a note's or task's owner is the record it belongs to, its id typed as the answer's relid
            String type = stored.path("ownerType").asText(ownerType(stored.path("reltype").asText()));
            ObjectNode owner = mapper.createObjectNode().put("type", type);
            owner.set("id", out.has("relid") ? out.get("relid") : stored.get("relid"));
            return owner;
        }
        return field.neutral().isContainerNode() ? field.neutral().deepCopy() : field.neutral();
    }

    /** The records an array field of a record lists, or null when the field lists no records. */
    private List<ObjectNode> children(String collection, ObjectNode stored, String field) {
        NestedRecords.Nesting nesting = NestedRecords.nesting(collection, field);
        if (nesting != null) {
            return store.referencing(nesting.children(), nesting.parentField(), stored.path("id").asText());
        }
        if (model.knows(field) && !Relations.fieldsTo(field, collection).isEmpty()) {
            return sideloads.related(collection, stored, field);
        }
        return null;
    }

    private Instant created(ResourceShape shape, ObjectNode stored) {
        String created = shape.createdField() == null ? null : stored.path(shape.createdField()).asText(null);
        return created == null ? clock.now() : Dates.parse(created, clock.zone());
    }

    private static String ownerType(String reltype) {
        return switch (reltype) {
            case "Subscriber" -> "contact";
            case "CustomerAccount" -> "account";
            default -> reltype.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A stable hex digest of the record's identity, as long as the service's. */
    private static String hash(String identity, int length) {
        SplittableRandom random = new SplittableRandom(identity.hashCode());
        StringBuilder hex = new StringBuilder(length + 16);
        while (hex.length() < length) {
            hex.append(Long.toHexString(random.nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, length);
    }

    /** The shaped records of a collection, for {@code simulator.records(...)}. */
    List<Map<String, Object>> records(String collection) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (ObjectNode stored : store.collection(collection).ordered()) {
            records.add(mapper.convertValue(record(collection, stored, Map.of()), LinkedHashMap.class));
        }
        return records;
    }
}
