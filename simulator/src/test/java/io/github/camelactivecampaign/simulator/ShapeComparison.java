// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whether an answer has the shape of the reference's example: every key the example has (recursively), each value
 * of the example's JSON type (a null in the example says nothing of the type), arrays by their elements (an element
 * of the answer has the keys every element of the example has). An array the example fills and the answer leaves
 * empty cannot be compared: it is counted as unverified, not as a failure.
 */
final class ShapeComparison {

    private final List<String> problems = new ArrayList<>();
    private final List<String> unverified = new ArrayList<>();

    static ShapeComparison of(JsonNode example, JsonNode answer) {
        ShapeComparison comparison = new ShapeComparison();
        comparison.compare("$", example, answer);
        return comparison;
    }

    List<String> problems() {
        return problems;
    }

    /** Paths of arrays the example fills and the answer left empty. */
    List<String> unverified() {
        return unverified;
    }

    private void compare(String path, JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull()) {
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            problems.add(path + " is missing");
            return;
        }
        if (actual.isNull()) {
            problems.add(path + " is null where the reference has " + type(expected));
            return;
        }
        if (!type(expected).equals(type(actual))) {
            problems.add(path + " is " + type(actual) + " where the reference has " + type(expected) + " ("
                         + abbreviate(expected) + ")");
            return;
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            if (actual.isEmpty()) {
                unverified.add(path);
                return;
            }
            List<JsonNode> shapes = elementShapes(expected);
            for (int i = 0; i < actual.size(); i++) {
                element(path + "[" + i + "]", shapes, actual.get(i));
            }
        }
    }

    /** An answer's element passes when it has the shape of one of the example's elements. */
    private void element(String path, List<JsonNode> shapes, JsonNode actual) {
        ShapeComparison first = null;
        for (JsonNode shape : shapes) {
            ShapeComparison attempt = new ShapeComparison();
            attempt.compare(path, shape, actual);
            if (attempt.problems.isEmpty()) {
                unverified.addAll(attempt.unverified);
                return;
            }
            first = first == null ? attempt : first;
        }
        problems.addAll(first.problems);
    }

    /**
     * The example's elements, objects reduced to the keys all of them have (an element's extra keys are its data,
     * not the array's shape).
     */
    static List<JsonNode> elementShapes(JsonNode array) {
        if (!array.get(0).isObject()) {
            List<JsonNode> elements = new ArrayList<>();
            array.forEach(elements::add);
            return elements;
        }
        Set<String> common = new HashSet<>();
        array.get(0).fieldNames().forEachRemaining(common::add);
        for (JsonNode element : array) {
            Set<String> keys = new HashSet<>();
            element.fieldNames().forEachRemaining(keys::add);
            common.retainAll(keys);
        }
        List<JsonNode> shapes = new ArrayList<>();
        for (JsonNode element : array) {
            ObjectNode shape = JsonNodeFactory.instance.objectNode();
            element.fields().forEachRemaining(e -> {
                if (common.contains(e.getKey())) {
                    shape.set(e.getKey(), e.getValue());
                }
            });
            shapes.add(shape);
        }
        return shapes;
    }

    private static String type(JsonNode node) {
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isObject() ? "an object" : node.getNodeType().toString();
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
