// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Values typed the way the service types them: almost every scalar is a string ({@code "value": "12000"} however it
 * was sent), and the few fields the reference shows as numbers or booleans stay so.
 */
final class Coercion {

    private Coercion() {
    }

    /** A value as stored: typed like the field's reads, or, for a field the reference does not show, a string. */
    static JsonNode stored(JsonNodeType kind, JsonNode value) {
        return to(kind == null ? JsonNodeType.STRING : kind, value);
    }

    /** The value as this JSON type, when it can be expressed so; null, objects and arrays stay as they are. */
    static JsonNode to(JsonNodeType kind, JsonNode value) {
        if (kind == null || value == null || value.isNull() || value.getNodeType() == kind) {
            return value;
        }
        switch (kind) {
            case STRING:
                if (value.isBoolean()) {
                    return TextNode.valueOf(value.asBoolean() ? "1" : "0");
                }
                return value.isValueNode() ? TextNode.valueOf(value.asText()) : value;
            case NUMBER:
                if (value.isBoolean()) {
                    return LongNode.valueOf(value.asBoolean() ? 1 : 0);
                }
                return value.isTextual() ? number(value.asText(), value) : value;
            case BOOLEAN:
                if (value.isNumber()) {
                    return BooleanNode.valueOf(value.asLong() != 0);
                }
                if (value.isTextual() && (isFlag(value.asText()))) {
                    return BooleanNode.valueOf("1".equals(value.asText()) || "true".equals(value.asText()));
                }
                return value;
            case ARRAY:
                // a single account shows "links": [] where its list shows the URLs
                return value.isObject() ? JsonNodeFactory.instance.arrayNode() : value;
            default:
                return value;
        }
    }

    private static JsonNode number(String text, JsonNode otherwise) {
        if (!ServiceModelReader.isNumber(text)) {
            return otherwise;
        }
        try {
            return text.indexOf('.') < 0 ? LongNode.valueOf(Long.parseLong(text))
                    : DecimalNode.valueOf(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static boolean isFlag(String text) {
        return "0".equals(text) || "1".equals(text) || "true".equals(text) || "false".equals(text);
    }
}
