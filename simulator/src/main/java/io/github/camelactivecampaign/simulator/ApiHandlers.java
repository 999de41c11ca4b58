// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves the catalog's operations from the store. The shape of an operation decides what it does: POST on a
 * collection creates, GET on an item reads, PUT updates, DELETE deletes, GET on a list pages and filters,
 * {@code /deals/{id}/notes} works on the notes of a deal. A few operations have their own rules (contact sync,
 * the activity stream; bulk import and webhooks have classes of their own); the rest answer 200 with an empty result.
 */
final class ApiHandlers {

    static final int MAX_PAGE = 100;
    static final int DEFAULT_PAGE = 20;

    /** Fields a create must carry, per collection, as the service's 422 answers name them. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "contacts", List.of("email"),
            "deals", List.of("title", "value", "currency"),
            "notes", List.of("note"),
            "tags", List.of("tag"),
            "lists", List.of("name"),
            "accounts", List.of("name"),
            "fieldValues", List.of("contact", "field", "value"),
            "contactTags", List.of("contact", "tag"),
            "webhooks", List.of("name", "url"));

    private final ObjectMapper mapper;
    private final SimulatorStore store;
    private final SimulatorClock clock;
    private final Map<String, ObjectNode> settings = new java.util.concurrent.ConcurrentHashMap<>();

    ApiHandlers(ObjectMapper mapper, SimulatorStore store, SimulatorClock clock) {
        this.mapper = mapper;
        this.store = store;
        this.clock = clock;
    }

    void reset() {
        settings.clear();
    }

    SimulatorResponse handle(SimulatorRequest request) {
        SimulatorOperation operation = request.operation();
        switch (operation.name()) {
            case "contacts/sync":
                return syncContact(request);
            case "contacts/list":
                return list(request, "contacts", contactFilter(request));
            case "activities/list":
                return activities(request);
            case "users/me":
                return single("user", me());
            case "eventTracking/get", "siteTracking/get":
                return single(operation.apiName(), setting(operation.apiName()));
            case "eventTracking/update", "siteTracking/update":
                return updateSetting(request);
            default:
                return byShape(request);
        }
    }

    private SimulatorResponse byShape(SimulatorRequest request) {
        SimulatorOperation operation = request.operation();
        List<String> literals = operation.literals();
        String method = operation.method();
        int params = operation.paramCount();
        String collection = collection(operation);
        boolean itemPath = params == 1 && operation.path().endsWith("}");
        if ("POST".equals(method) && params == 0 && "create".equals(operation.methodName())) {
            return create(request, collection, request.json());
        }
        if ("GET".equals(method) && operation.list() && params == 0) {
            return list(request, collection, genericFilter(request, collection));
        }
        if (itemPath && "GET".equals(method) && operation.list()) {
            // /customObjects/records/{schemaId}: the records of one schema
            String schema = request.pathParam(0);
            return list(request, collection, r -> schema.equals(r.path("schema").asText(schema)));
        }
        if (itemPath && "GET".equals(method)) {
            return read(request, collection, request.pathParam(0));
        }
        if (itemPath && "PUT".equals(method)) {
            return update(request, collection, request.pathParam(0));
        }
        if (itemPath && "DELETE".equals(method)) {
            return delete(request, collection, request.pathParam(0));
        }
        if (params >= 1 && literals.size() >= 2 && !operation.path().endsWith("}")) {
            return subResource(request, literals);
        }
        if (params == 2 && "PUT".equals(method) || params == 2 && "DELETE".equals(method)) {
            return subItem(request, literals);
        }
        // an operation the simulator does not model: accepted, nothing stored
        ObjectNode body = mapper.createObjectNode();
        if ("GET".equals(method)) {
            body.set(resultKey(operation, collection), operation.list() ? mapper.createArrayNode()
                    : mapper.createObjectNode());
        } else if (request.json() != null && request.json().isObject()) {
            body.setAll((ObjectNode) request.json());
        }
        return SimulatorResponse.of(200, body);
    }

    // ---- generic CRUD

    private SimulatorResponse create(SimulatorRequest request, String collection, JsonNode json) {
        ObjectNode fields = envelope(request.operation(), json);
        if (fields == null) {
            return unprocessable(List.of(error("The request body is missing or not a JSON object", "invalid",
                    "/data")));
        }
        SimulatorResponse invalid = validate(collection, fields);
        if (invalid != null) {
            return invalid;
        }
        if ("contacts".equals(collection) && store.findBy("contacts", "email", fields.path("email").asText()) != null) {
            return unprocessable(List.of(error("Email address already exists in the system.", "duplicate",
                    "/data/attributes/email")));
        }
        ObjectNode record = store.create(collection, fields);
        return SimulatorResponse.of(201, wrap(resultKey(request.operation(), collection), record));
    }

    private SimulatorResponse read(SimulatorRequest request, String collection, String id) {
        ObjectNode record = store.get(collection, id);
        return record == null ? notFound(collection, id)
                : SimulatorResponse.of(200, wrap(resultKey(request.operation(), collection), record));
    }

    private SimulatorResponse update(SimulatorRequest request, String collection, String id) {
        ObjectNode fields = envelope(request.operation(), request.json());
        if (fields == null) {
            return unprocessable(List.of(error("The request body is missing or not a JSON object", "invalid",
                    "/data")));
        }
        ObjectNode record = store.update(collection, id, fields);
        return record == null ? notFound(collection, id)
                : SimulatorResponse.of(200, wrap(resultKey(request.operation(), collection), record));
    }

    private SimulatorResponse delete(SimulatorRequest request, String collection, String id) {
        return store.delete(collection, id) ? SimulatorResponse.of(200, mapper.createObjectNode())
                : notFound(collection, id);
    }

    /** {@code /deals/{id}/notes}: the notes of a deal (GET) or a new one (POST). */
    private SimulatorResponse subResource(SimulatorRequest request, List<String> literals) {
        SimulatorOperation operation = request.operation();
        String parentCollection = collection(operation);
        String parentId = request.pathParam(0);
        String sub = literals.get(literals.size() - 1);
        if (store.get(parentCollection, parentId) == null && !operation.path().startsWith("/customObjects")) {
            return notFound(parentCollection, parentId);
        }
        String parentField = singular(parentCollection);
        String reltype = capitalize("contacts".equals(parentCollection) ? "subscriber" : parentField);
        if ("GET".equals(operation.method()) && operation.list()) {
            Predicate<ObjectNode> child = r -> parentId.equals(r.path(parentField).asText(null))
                                               || parentId.equals(r.path("relid").asText(null))
                                                  && reltype.equals(r.path("reltype").asText());
            return list(request, sub, child);
        }
        if ("POST".equals(operation.method())) {
            ObjectNode fields = envelope(operation, request.json());
            if (fields == null) {
                return unprocessable(List.of(error("The request body is missing or not a JSON object", "invalid",
                        "/data")));
            }
            fields.put("relid", parentId);
            fields.put("reltype", reltype);
            SimulatorResponse invalid = validate(sub, fields);
            if (invalid != null) {
                return invalid;
            }
            return SimulatorResponse.of(201, wrap(resultKey(operation, sub), store.create(sub, fields)));
        }
        ObjectNode body = mapper.createObjectNode();
        body.set(resultKey(operation, sub), mapper.createObjectNode());
        return SimulatorResponse.of(200, body);
    }

    /** {@code /deals/{id}/notes/{noteId}}: update or delete one child. */
    private SimulatorResponse subItem(SimulatorRequest request, List<String> literals) {
        SimulatorOperation operation = request.operation();
        String sub = literals.get(literals.size() - 1);
        String id = request.pathParam(1);
        if ("DELETE".equals(operation.method())) {
            return delete(request, sub, id);
        }
        return update(request, sub, id);
    }

    // ---- lists

    private SimulatorResponse list(SimulatorRequest request, String collection, Predicate<ObjectNode> filter) {
        List<ObjectNode> records = store.all(collection).stream().filter(filter).toList();
        return page(request, resultKey(request.operation(), collection), sorted(request, records));
    }

    private SimulatorResponse page(SimulatorRequest request, String key, List<ObjectNode> records) {
        int limit = DEFAULT_PAGE;
        int offset = 0;
        try {
            if (request.query("limit") != null) {
                limit = Math.min(MAX_PAGE, Integer.parseInt(request.query("limit")));
            }
            if (request.query("offset") != null) {
                offset = Integer.parseInt(request.query("offset"));
            }
        } catch (NumberFormatException e) {
            return SimulatorResponse.of(400, message("limit and offset must be numbers"));
        }
        ObjectNode body = mapper.createObjectNode();
        ArrayNode page = body.putArray(key);
        records.stream().skip(Math.max(0, offset)).limit(Math.max(0, limit)).forEach(page::add);
        body.putObject("meta").put("total", String.valueOf(records.size()));
        return SimulatorResponse.of(200, body);
    }

    private List<ObjectNode> sorted(SimulatorRequest request, List<ObjectNode> records) {
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("orders[") && name.endsWith("]")) {
                String field = name.substring(7, name.length() - 1);
                Comparator<ObjectNode> order = Comparator.comparing(r -> sortKey(r.path(field).asText("")));
                if ("DESC".equalsIgnoreCase(entry.getValue().get(0))) {
                    order = order.reversed();
                }
                return records.stream().sorted(order).toList();
            }
        }
        return records;
    }

    private static String sortKey(String value) {
        // numbers sort as numbers, the rest as text
        return value.matches("-?\\d{1,18}") ? String.format("%020d", Long.parseLong(value) + 1_000_000_000L) : value;
    }

    private Predicate<ObjectNode> contactFilter(SimulatorRequest request) {
        Predicate<ObjectNode> filter = genericFilter(request, "contacts");
        String listId = request.query("listid");
        if (listId != null) {
            Set<String> members = new HashSet<>();
            store.all("contactLists").stream()
                    .filter(m -> listId.equals(m.path("list").asText()) && !"2".equals(m.path("status").asText()))
                    .forEach(m -> members.add(m.path("contact").asText()));
            filter = filter.and(c -> members.contains(c.path("id").asText()));
        }
        String tagId = request.query("tagid");
        if (tagId != null) {
            Set<String> tagged = new HashSet<>();
            store.all("contactTags").stream().filter(t -> tagId.equals(t.path("tag").asText()))
                    .forEach(t -> tagged.add(t.path("contact").asText()));
            filter = filter.and(c -> tagged.contains(c.path("id").asText()));
        }
        String emailLike = request.query("email_like");
        if (emailLike != null) {
            filter = filter.and(c -> c.path("email").asText().toLowerCase(Locale.ROOT)
                    .contains(emailLike.toLowerCase(Locale.ROOT)));
        }
        return filter;
    }

    /**
     * Filters every list understands: a query parameter named like a field (email=, contact=), filters[field],
     * date filters (filters[created_after], filters[updated_before], ...), search, ids, id_greater, id_less.
     */
    private Predicate<ObjectNode> genericFilter(SimulatorRequest request, String collection) {
        Predicate<ObjectNode> filter = r -> true;
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue().get(0);
            if (Set.of("limit", "offset", "include", "listid", "tagid", "email_like").contains(name)
                    || name.startsWith("orders[")) {
                continue;
            }
            String field = name.startsWith("filters[") && name.endsWith("]") ? name.substring(8, name.length() - 1)
                    : name;
            filter = filter.and(condition(collection, field, value));
        }
        return filter;
    }

    private Predicate<ObjectNode> condition(String collection, String field, String value) {
        return switch (field) {
            case "search" -> r -> Stream.of("email", "firstName", "lastName", "title", "name")
                    .anyMatch(f -> r.path(f).asText("").toLowerCase(Locale.ROOT)
                            .contains(value.toLowerCase(Locale.ROOT)));
            case "ids" -> {
                Set<String> ids = new HashSet<>(Arrays.asList(value.split(",")));
                yield r -> ids.contains(r.path("id").asText());
            }
            case "id_greater" -> r -> Long.parseLong(r.path("id").asText("0")) > Long.parseLong(value);
            case "id_less" -> r -> Long.parseLong(r.path("id").asText("0")) < Long.parseLong(value);
            case "created_after" -> r -> !date(r.path("cdate").asText()).isBefore(date(value));
            case "created_before" -> r -> date(r.path("cdate").asText()).isBefore(date(value));
            case "updated_after" -> r -> !date(updated(collection, r)).isBefore(date(value));
            case "updated_before" -> r -> date(updated(collection, r)).isBefore(date(value));
            default -> r -> !r.has(field) || value.equalsIgnoreCase(r.path(field).asText());
        };
    }

    private static String updated(String collection, ObjectNode record) {
        return record.path(SimulatorStore.updateField(collection)).asText(record.path("cdate").asText());
    }

    /** ISO date-time with offset, a bare date (start of that day in the account's zone) or a date-time without zone. */
    private Instant date(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(clock.zone()).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDateTime.parse(text.replace(' ', 'T')).atZone(clock.zone()).toInstant();
                } catch (DateTimeParseException e3) {
                    return Instant.EPOCH;
                }
            }
        }
    }

    // ---- operations with their own rules

    private SimulatorResponse syncContact(SimulatorRequest request) {
        ObjectNode fields = envelope(request.operation(), request.json());
        if (fields == null || !fields.hasNonNull("email") || fields.path("email").asText().isBlank()) {
            return unprocessable(List.of(error("Contact Email Address is not valid.", "email_invalid",
                    "/data/attributes/email")));
        }
        ObjectNode existing = store.findBy("contacts", "email", fields.path("email").asText());
        if (existing != null) {
            return SimulatorResponse.of(200, wrap("contact", store.update("contacts", existing.path("id").asText(),
                    fields)));
        }
        return SimulatorResponse.of(201, wrap("contact", store.create("contacts", fields)));
    }

    private SimulatorResponse activities(SimulatorRequest request) {
        String contact = request.query("contact");
        String after = request.query("after");
        Predicate<ObjectNode> filter = r -> contact == null || contact.equals(r.path("contact").asText());
        if (after != null) {
            Instant from = date(after);
            filter = filter.and(r -> date(r.path("tstamp").asText()).isAfter(from)
                                     || date(r.path("tstamp").asText()).equals(from));
        }
        List<ObjectNode> records = store.all(SimulatorStore.ACTIVITIES).stream().filter(filter).toList();
        Comparator<ObjectNode> byTime = Comparator.comparing((ObjectNode r) -> date(r.path("tstamp").asText()))
                .thenComparing(r -> Long.parseLong(r.path("id").asText("0")));
        if ("DESC".equalsIgnoreCase(request.query("orders[tstamp]"))) {
            byTime = byTime.reversed();
        }
        return page(request, "activities", records.stream().sorted(byTime).toList());
    }

    private ObjectNode me() {
        return mapper.createObjectNode().put("id", "1").put("username", "admin")
                .put("firstName", "Simulated").put("lastName", "Admin").put("email", "admin@example.com");
    }

    private ObjectNode setting(String name) {
        return settings.computeIfAbsent(name, k -> mapper.createObjectNode().put("enabled", true));
    }

    private SimulatorResponse updateSetting(SimulatorRequest request) {
        String name = request.operation().apiName();
        ObjectNode fields = envelope(request.operation(), request.json());
        if (fields != null) {
            setting(name).setAll(fields);
        }
        return single(name, setting(name));
    }

    // ---- helpers

    /** The record in a request body: the object under the envelope key, or the body itself. */
    private static ObjectNode envelope(SimulatorOperation operation, JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        JsonNode inner = operation.bodyKey() == null ? null : json.get(operation.bodyKey());
        JsonNode record = inner != null && inner.isObject() ? inner : json;
        return ((ObjectNode) record).deepCopy();
    }

    private SimulatorResponse validate(String collection, ObjectNode fields) {
        List<JsonNode> errors = new ArrayList<>();
        for (String field : REQUIRED.getOrDefault(collection, List.of())) {
            if (!fields.hasNonNull(field) || fields.get(field).asText().isBlank()) {
                errors.add(error("The " + singular(collection) + " " + field + " was not provided.", "field_missing",
                        "/data/attributes/" + field));
            }
        }
        return errors.isEmpty() ? null : unprocessable(errors);
    }

    private ObjectNode error(String title, String code, String pointer) {
        ObjectNode error = mapper.createObjectNode().put("title", title).put("detail", "").put("code", code);
        error.putObject("source").put("pointer", pointer);
        return error;
    }

    private SimulatorResponse unprocessable(List<JsonNode> errors) {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("errors").addAll(errors);
        return SimulatorResponse.of(422, body);
    }

    SimulatorResponse notFound(String collection, String id) {
        return SimulatorResponse.of(404, message("No Result found for " + capitalize(singular(collection))
                                                 + " with id " + id));
    }

    ObjectNode message(String text) {
        return mapper.createObjectNode().put("message", text);
    }

    private SimulatorResponse single(String key, JsonNode value) {
        return SimulatorResponse.of(200, wrap(key, value));
    }

    private ObjectNode wrap(String key, JsonNode value) {
        ObjectNode body = mapper.createObjectNode();
        body.set(key, value);
        return body;
    }

    /** The store collection of an operation: the literal path before the first parameter, e.g. deals. */
    static String collection(SimulatorOperation operation) {
        String path = operation.path();
        int brace = path.indexOf('{');
        String prefix = (brace < 0 ? path : path.substring(0, brace)).replaceAll("^/|/$", "");
        return switch (prefix) {
            case "contact/sync" -> "contacts";
            case "taskOutcomes", "customObjects/schemas", "customObjects/records" -> prefix;
            default -> prefix.contains("/") ? prefix.substring(0, prefix.indexOf('/')) : prefix;
        };
    }

    private static String resultKey(SimulatorOperation operation, String collection) {
        if (operation.resultKey() != null) {
            return operation.resultKey();
        }
        return operation.bodyKey() != null ? operation.bodyKey() : singular(collection);
    }

    static String singular(String collection) {
        String last = collection.contains("/") ? collection.substring(collection.lastIndexOf('/') + 1) : collection;
        if (last.endsWith("ies")) {
            return last.substring(0, last.length() - 3) + "y";
        }
        if (last.endsWith("sses") || last.endsWith("xes")) {
            return last.substring(0, last.length() - 2);
        }
        return last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
