// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import org.apache.camel.Message;

/**
 * Resolves an exchange into an {@link ActiveCampaignCall}: each parameter from its header, else the endpoint option,
 * else (path ids) the body; validates everything before any I/O; builds the JSON (or form) body in the operation's
 * envelope.
 */
final class ActiveCampaignRequestFactory {

    static final int MAX_EVENT_NAME = 32;
    /** Every envelope key of the catalog, to recognise a body wrapped for another resource. */
    private static final Set<String> ENVELOPES = ActiveCampaignCatalog.getInstance().operations().stream()
            .map(ActiveCampaignOperation::bodyKey).filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final ActiveCampaignEndpoint endpoint;
    private final ActiveCampaignOperation operation;
    private final ObjectMapper mapper;

    ActiveCampaignRequestFactory(ActiveCampaignEndpoint endpoint, ObjectMapper mapper) {
        this.endpoint = endpoint;
        this.operation = endpoint.getOperation();
        this.mapper = mapper;
    }

    ActiveCampaignCall create(Message message) {
        if (operation.isTracking()) {
            return new ActiveCampaignCall(operation, "", Map.of(), trackingForm(message.getBody()),
                    "application/x-www-form-urlencoded; charset=UTF-8");
        }
        Object body = message.getBody();
        JsonNode bodyJson = body == null ? null : toJson(body);
        StringBuilder path = new StringBuilder();
        int from = 0;
        for (ActiveCampaignParameter parameter : operation.pathParams()) {
            String placeholder = "{" + parameter.name() + "}";
            int at = operation.path().indexOf(placeholder, from);
            path.append(operation.path(), from, at);
            path.append(ActiveCampaignCall.encode(pathValue(parameter, message, body, bodyJson)));
            from = at + placeholder.length();
        }
        path.append(operation.path().substring(from));

        Map<String, List<String>> query = new LinkedHashMap<>();
        for (ActiveCampaignParameter parameter : operation.queryParams()) {
            Object value = value(parameter, message);
            if (value == null) {
                if (parameter.required()) {
                    throw missing(parameter);
                }
                continue;
            }
            query.put(parameter.name(), queryValues(parameter, value));
        }
        addRawQuery(query, endpoint.getRawQueryParameters());
        Object extra = message.getHeader(ActiveCampaignConstants.QUERY_PARAMETERS);
        if (extra instanceof Map<?, ?> map) {
            addRawQuery(query, map);
        } else if (extra != null) {
            throw new IllegalArgumentException(ActiveCampaignConstants.QUERY_PARAMETERS + " must be a Map of query "
                                               + "parameter names to values, was " + extra.getClass().getName());
        }
        return new ActiveCampaignCall(operation, path.toString(), query, requestBody(bodyJson),
                "application/json; charset=UTF-8");
    }

    private Object value(ActiveCampaignParameter parameter, Message message) {
        Object value = message.getHeader(parameter.header());
        return value != null ? value : endpoint.operationOption(parameter);
    }

    private String pathValue(ActiveCampaignParameter parameter, Message message, Object body, JsonNode bodyJson) {
        Object value = value(parameter, message);
        if (value == null) {
            value = idFromBody(parameter, body, bodyJson);
        }
        if (value == null) {
            throw missing(parameter);
        }
        String text = single(parameter, value).strip();
        if (text.isEmpty() || ".".equals(text) || "..".equals(text)) {
            throw new IllegalArgumentException(operation.name() + ": path parameter " + parameter.option()
                                               + " is '" + text + "', which names no record; give the record's id, "
                                               + "e.g. " + operation.exampleUri());
        }
        if (parameter.isInteger() && !INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException(operation.name() + ": path parameter " + parameter.option()
                                               + " must be a whole number (ActiveCampaign ids are numeric), was '"
                                               + text + "'");
        }
        return text;
    }

    /** A path id from the body: a scalar body for operations without a body, else an id field of the body. */
    private Object idFromBody(ActiveCampaignParameter parameter, Object body, JsonNode bodyJson) {
        if (body == null) {
            return null;
        }
        if (!operation.hasBody() && operation.pathParams().size() == 1
                && (body instanceof Number || body instanceof String s && !s.strip().startsWith("{"))) {
            return body.toString();
        }
        if (bodyJson == null || !bodyJson.isObject()) {
            return null;
        }
        List<JsonNode> candidates = new ArrayList<>();
        candidates.add(bodyJson);
        if (operation.bodyKey() != null && bodyJson.path(operation.bodyKey()).isObject()) {
            candidates.add(bodyJson.get(operation.bodyKey()));
        }
        for (JsonNode candidate : candidates) {
            JsonNode id = candidate.get(parameter.option());
            if (id != null && id.isValueNode() && !id.isNull()) {
                return id.asText();
            }
        }
        return null;
    }

    private List<String> queryValues(ActiveCampaignParameter parameter, Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> || value instanceof Object[]) {
            Collection<?> items = value instanceof Object[] array ? List.of(array) : (Collection<?>) value;
            items.forEach(item -> values.add(checked(parameter.name(), String.valueOf(item))));
        } else if (parameter.isArray()) {
            for (String item : value.toString().split(",")) {
                values.add(checked(parameter.name(), item.strip()));
            }
        } else {
            values.add(single(parameter, value));
        }
        if (!parameter.isArray() && values.size() > 1) {
            StringJoiner joined = new StringJoiner(",");
            values.forEach(joined::add);
            return List.of(joined.toString());
        }
        if ("limit".equals(parameter.name())) {
            int limit = integer(parameter, values.get(0));
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException(operation.name() + ": limit must be between 1 and 100 "
                                                   + "(ActiveCampaign's largest page), was " + limit
                                                   + "; use paginate=true to read more records");
            }
        } else if ("offset".equals(parameter.name()) && integer(parameter, values.get(0)) < 0) {
            throw new IllegalArgumentException(operation.name() + ": offset must be 0 or more, was " + values.get(0));
        } else if (parameter.isInteger()) {
            integer(parameter, values.get(0));
        } else if (isDateFilter(parameter.name())) {
            for (String date : values) {
                try {
                    ActiveCampaignDates.parse(date, ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(operation.name() + ": " + parameter.name() + " must be a date "
                                                       + "(2024-01-31), a date-time (2024-01-31 13:45:00) or an "
                                                       + "ISO-8601 instant, was '" + date + "'");
                }
            }
        }
        return values;
    }

    /** filters[created_after], filters[updated_before], after, ... take dates. */
    private static boolean isDateFilter(String name) {
        return name.endsWith("_after]") || name.endsWith("_before]") || "after".equals(name)
               || "before".equals(name);
    }

    private int integer(ActiveCampaignParameter parameter, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(operation.name() + ": " + parameter.option()
                                               + " must be a whole number, was '" + value + "'");
        }
    }

    private String single(ActiveCampaignParameter parameter, Object value) {
        return checked(parameter.option(), value.toString());
    }

    private String checked(String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(operation.name() + ": " + name + " contains a line break (CR or LF); "
                                               + "remove it: parameter values are single-line");
        }
        return value;
    }

    private void addRawQuery(Map<String, List<String>> query, Map<?, ?> raw) {
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.isBlank() || name.indexOf('[') >= 0 && !name.matches("[A-Za-z_][\\w-]*(\\[[^\\[\\]]*])+")) {
                throw new IllegalArgumentException(operation.name() + ": query parameter '" + name + "' is not a "
                                                   + "valid name; bracketed names look like filters[name][contains]");
            }
            if (entry.getValue() != null) {
                query.put(name, List.of(checked(name, String.valueOf(entry.getValue()))));
            }
        }
    }

    private IllegalArgumentException missing(ActiveCampaignParameter parameter) {
        return new IllegalArgumentException(operation.name() + " needs the " + (operation.pathParams()
                .contains(parameter) ? "path" : "query") + " parameter " + parameter.option()
                                            + ": set the header " + parameter.header() + ", the endpoint option ("
                                            + operation.exampleUri() + ")"
                                            + (operation.pathParams().contains(parameter)
                                                    ? " or an " + parameter.option() + " field in the body" : ""));
    }

    private String requestBody(JsonNode json) {
        if (!operation.hasBody() || "DELETE".equals(operation.method())) {
            return null;
        }
        if (json == null) {
            if (operation.bodyKey() != null) {
                throw new IllegalArgumentException(operation.name() + " needs a body: a Map, POJO, JsonNode or JSON "
                                                   + "string with the " + operation.bodyKey() + " fields (it is "
                                                   + "wrapped in {\"" + operation.bodyKey() + "\": ...} if not "
                                                   + "already)");
            }
            return null;
        }
        JsonNode payload = json;
        if ("array".equals(operation.bodyType()) && !json.isArray()) {
            throw new IllegalArgumentException(operation.name() + " takes a JSON array (a List or JSON array "
                                               + "string) as its body, got a JSON " + json.getNodeType()
                                               .toString().toLowerCase());
        }
        String foreign = foreignEnvelope(json);
        if (foreign != null) {
            throw new IllegalArgumentException(operation.name() + ": the body is wrapped in \"" + foreign
                                               + "\", the envelope of another resource; " + operation.name()
                                               + " takes " + (operation.bodyKey() == null ? "an unwrapped body"
                                                       : "{\"" + operation.bodyKey() + "\": {...}} or the fields alone"));
        }
        if (operation.bodyKey() != null && !isWrapped(json)) {
            ObjectNode wrapped = mapper.createObjectNode();
            wrapped.set(operation.bodyKey(), json);
            payload = wrapped;
        }
        try {
            String text = mapper.writeValueAsString(payload);
            int limit = endpoint.getConfiguration().getMaxBodySize();
            if (text.length() > limit) {
                throw new IllegalArgumentException(operation.name() + ": the body is " + text.length()
                                                   + " characters, more than maxBodySize (" + limit + "); split it "
                                                   + "(bulk operations take at most 250 records a call) or raise "
                                                   + "maxBodySize");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(operation.name() + ": cannot write the body as JSON: "
                                               + e.getOriginalMessage(), e);
        }
    }

    /**
     * The envelope key of another operation when the body is wrapped in one ({"contact": {...}} sent to
     * deals/create), else null. A one-field object whose field is an object and a known envelope is taken as one.
     */
    private String foreignEnvelope(JsonNode json) {
        if (!json.isObject() || json.size() != 1) {
            return null;
        }
        String key = json.fieldNames().next();
        if (key.equals(operation.bodyKey()) || !json.get(key).isObject()) {
            return null;
        }
        // a field of the record may share a name with an envelope (a deal's "contact"): only an object under it
        // that is not one of the operation's own fields counts
        return ENVELOPES.contains(key) && !("object".equals(operation.bodyType()) && operation.bodyKey() == null)
                ? key : null;
    }

    /**
     * Whether the body is already in its envelope: it holds the envelope key with an object or array under it. A
     * scalar under the key is a field of the record ({"note": "text"} for a note), so the body is wrapped.
     */
    private boolean isWrapped(JsonNode json) {
        JsonNode inner = json.isObject() ? json.get(operation.bodyKey()) : null;
        return inner != null && (inner.isObject() || inner.isArray());
    }

    private JsonNode toJson(Object body) {
        try {
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof String || body instanceof byte[]) {
                String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : (String) body;
                if (text.isBlank()) {
                    return null;
                }
                if (!operation.hasBody() && !text.strip().startsWith("{") && !text.strip().startsWith("[")) {
                    return null; // a plain id for an operation without a body
                }
                return mapper.readTree(text);
            }
            return mapper.valueToTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(operation.name() + ": the body is not valid JSON ("
                                               + e.getOriginalMessage() + "); send a Map, POJO, JsonNode or JSON "
                                               + "string", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(operation.name() + ": a body of type " + body.getClass().getName()
                                               + " cannot be converted to JSON (" + e.getMessage() + "); send a "
                                               + "Map, POJO, JsonNode or JSON string", e);
        }
    }

    /** The form event tracking takes: actid, key, event, eventdata, visit ({"email": ...}). */
    private String trackingForm(Object body) {
        JsonNode json = body == null ? null : toJson(body);
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("eventTracking/track needs a body with at least event, e.g. "
                                               + "{\"event\": \"signed-up\", \"eventdata\": \"plan=pro\", "
                                               + "\"email\": \"jane@example.com\"}");
        }
        String event = json.path("event").asText("");
        if (event.isBlank() || event.length() > MAX_EVENT_NAME) {
            throw new IllegalArgumentException("eventTracking/track: event must be 1 to " + MAX_EVENT_NAME
                                               + " characters, was '" + event + "'");
        }
        ActiveCampaignConfiguration configuration = endpoint.getConfiguration();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("actid", configuration.getTrackingAccountId());
        form.put("key", configuration.getTrackingSecret());
        form.put("event", event);
        if (json.hasNonNull("eventdata")) {
            JsonNode data = json.get("eventdata");
            form.put("eventdata", data.isValueNode() ? data.asText() : data.toString());
        }
        if (json.hasNonNull("visit")) {
            JsonNode visit = json.get("visit");
            form.put("visit", visit.isValueNode() ? visit.asText() : visit.toString());
        } else if (json.hasNonNull("email")) {
            form.put("visit", mapper.createObjectNode().put("email", json.get("email").asText()).toString());
        }
        StringJoiner encoded = new StringJoiner("&");
        form.forEach((name, value) -> encoded.add(ActiveCampaignCall.encode(name) + "="
                                                  + ActiveCampaignCall.encode(checked(name, value))));
        return encoded.toString();
    }
}
