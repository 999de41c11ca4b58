// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignException;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;

/**
 * The request body of an operation: a Map, POJO, JsonNode or JSON text, checked and wrapped in the operation's
 * envelope ({@code {"deal": {...}}}) unless it already is. Every check happens before any I/O: the JSON must be one
 * value (nothing after it), at most {@link ActiveCampaignComponent#MAX_JSON_NESTING_DEPTH} levels deep and
 * maxBodySize characters long, and of the shape the operation takes.
 */
final class ActiveCampaignRequestBody {

    /** Every envelope key of the catalog, to recognise a body wrapped for another resource. */
    private static final Set<String> ENVELOPES = ActiveCampaignCatalog.getInstance().operations().stream()
            .map(ActiveCampaignOperation::bodyKey).filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
    /**
     * Envelope keys that are also a text field of their record (the API reference: a note's {@code note}, a tag's
     * {@code tag}): {@code {"note": "text"}} is a note to wrap, where {@code {"deal": 42}} is no deal at all.
     */
    private static final Set<String> ENVELOPES_THAT_ARE_FIELDS = Set.of("note", "tag");

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
                                               + "string) as its body, got a JSON " + kind(json));
        }
        checkObjectShape(json);
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
        return write(payload);
    }

    /**
     * An operation whose envelope holds an object takes an object: not a number, a string or a list, neither alone
     * nor under the envelope key ({@code {"deal": 42}}, {@code {"deal": [...]}}).
     */
    private void checkObjectShape(JsonNode json) {
        if (!"object".equals(operation.bodyType())) {
            return;
        }
        String expected = operation.bodyKey() == null ? "a JSON object"
                : "a JSON object: the " + operation.bodyKey() + " fields, alone or as {\"" + operation.bodyKey()
                  + "\": {...}}";
        if (!json.isObject()) {
            throw new IllegalArgumentException(operation.name() + " takes " + expected + "; got a JSON " + kind(json));
        }
        JsonNode inner = operation.bodyKey() == null ? null : json.get(operation.bodyKey());
        if (inner == null || inner.isObject()) {
            return;
        }
        // a list under the key is never a record; a lone value under it is none either, unless the record has a
        // field of that name; beside other fields it is taken as one of the record's fields
        boolean alone = json.size() == 1 && !ENVELOPES_THAT_ARE_FIELDS.contains(operation.bodyKey());
        if (inner.isArray() || alone) {
            throw new IllegalArgumentException(operation.name() + ": the \"" + operation.bodyKey() + "\" envelope "
                                               + "holds an object, got a JSON " + kind(inner) + "; " + operation.name()
                                               + " takes " + expected);
        }
    }

    private static String kind(JsonNode json) {
        return json.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** The JSON text of a value, within the depth and size limits. */
    private String write(Object value) {
        BoundedWriter out = new BoundedWriter(maxBodySize);
        try {
            mapper.writeValue(out, value);
            return out.toString();
        } catch (IOException | IllegalArgumentException e) {
            throw limitOrElse(e, () -> new IllegalArgumentException(operation.name() + ": cannot write the body as "
                                                                    + "JSON: " + message(e), e));
        }
    }

    /** The exception of a body over a limit, when that is what the failure is; else the other one. */
    private RuntimeException limitOrElse(Throwable failure, Supplier<RuntimeException> otherwise) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLarge) {
                return tooLarge();
            }
            if (t instanceof StreamConstraintsException) {
                return new ActiveCampaignException(operation.name() + ": the body is nested more than "
                                                   + ActiveCampaignComponent.MAX_JSON_NESTING_DEPTH + " levels deep; "
                                                   + "ActiveCampaign records are a few levels deep: look for a "
                                                   + "cyclic or runaway structure", operation.name(), t);
            }
        }
        return otherwise.get();
    }

    private ActiveCampaignException tooLarge() {
        return new ActiveCampaignException(operation.name() + ": the body is more than maxBodySize (" + maxBodySize
                                           + ") characters; split it (bulk operations take at most 250 records a "
                                           + "call) or raise maxBodySize", operation.name(), null);
    }

    private static String message(Throwable e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    /** Collects written text and stops the writing once it is longer than the limit. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int limit;

        BoundedWriter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (text.length() + length > limit) {
                throw new BodyTooLarge();
            }
            text.append(chars, offset, length);
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing to release
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The body outgrew maxBodySize while it was written or read. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("the body is larger than maxBodySize");
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
     * Whether the body is already in its envelope: it holds the envelope key with an object under it. A text under
     * the key is a field of the record ({"note": "text"} for a note), so the body is wrapped.
     */
    private boolean isWrapped(JsonNode json) {
        JsonNode inner = json.get(operation.bodyKey());
        return inner != null && inner.isObject();
    }

    /**
     * The message body as JSON, null when there is none (or a plain id for an operation without a body). A Map or
     * POJO is written out and read back, so that the depth and size limits hold before anything deeper happens.
     */
    JsonNode toJson(Object body) {
        if (body instanceof JsonNode node) {
            write(node); // within the limits
            return node;
        }
        boolean isText = body instanceof String || body instanceof byte[];
        String text;
        if (isText) {
            text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) body;
            if (text.isBlank()) {
                return null;
            }
            if (!operation.hasBody() && !text.strip().startsWith("{") && !text.strip().startsWith("[")) {
                return null; // a plain id for an operation without a body
            }
            if (text.length() > maxBodySize) {
                throw tooLarge();
            }
        } else {
            BoundedWriter out = new BoundedWriter(maxBodySize);
            try {
                mapper.writeValue(out, body);
            } catch (IOException | IllegalArgumentException e) {
                throw limitOrElse(e, () -> new IllegalArgumentException(operation.name() + ": a body of type "
                                                                        + body.getClass().getName() + " cannot be "
                                                                        + "converted to JSON (" + message(e) + "); "
                                                                        + "send a Map, POJO, JsonNode or JSON string",
                        e));
            }
            text = out.toString();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw limitOrElse(e, () -> new IllegalArgumentException(operation.name() + ": the body is not valid JSON ("
                                                                    + e.getOriginalMessage() + "); send one JSON "
                                                                    + "value (nothing after it) as a Map, POJO, "
                                                                    + "JsonNode or JSON string", e));
        }
    }

}
