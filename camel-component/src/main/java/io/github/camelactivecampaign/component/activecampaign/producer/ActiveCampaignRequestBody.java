// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;

/**
 * The request body of an operation: a Map, POJO, JsonNode or JSON text, checked and wrapped in the operation's
 * envelope ({@code {"deal": {...}}}) unless it already is.
 */
final class ActiveCampaignRequestBody {

    /** Every envelope key of the catalog, to recognise a body wrapped for another resource. */
    private static final Set<String> ENVELOPES = ActiveCampaignCatalog.getInstance().operations().stream()
            .map(ActiveCampaignOperation::bodyKey).filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());

    private final ActiveCampaignOperation operation;
    private final ObjectMapper mapper;
    private final int maxBodySize;

    ActiveCampaignRequestBody(ActiveCampaignOperation operation, ObjectMapper mapper, int maxBodySize) {
        this.operation = operation;
        this.mapper = mapper;
        this.maxBodySize = maxBodySize;
    }

    /** The JSON text to send, in the operation's envelope; null for operations without a body. */
    String text(JsonNode json) {
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
            int limit = maxBodySize;
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

    /** The message body as JSON, null when there is none (or a plain id for an operation without a body). */
    JsonNode toJson(Object body) {
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

}
