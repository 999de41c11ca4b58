// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delivery's form fields as a tree: {@code contact[fields][12]=gold} becomes
 * {@code {contact: {fields: {"12": "gold"}}}}, {@code tags[]=a&tags[]=b} a list. Refuses what the service never
 * sends: unbalanced brackets, a name used both as a value and as a group, too many fields or too deep a nesting.
 */
final class WebhookForm {

    static final int MAX_FIELDS = 2000;
    static final int MAX_DEPTH = 6;

    /** A delivery that is not a well-formed form; the message never holds the delivery's content. */
    static final class MalformedException extends IllegalArgumentException {
        MalformedException(String message) {
            super(message);
        }
    }

    private WebhookForm() {
    }

    /** Parses an application/x-www-form-urlencoded body. */
    static Map<String, Object> parse(String body) {
        List<String[]> pairs = new ArrayList<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                pairs.add(new String[] { decode(eq < 0 ? pair : pair.substring(0, eq)),
                                         eq < 0 ? "" : decode(pair.substring(eq + 1)) });
            }
        }
        return nest(pairs);
    }

    /** Nests fields a server already decoded (values are strings or lists of strings). */
    static Map<String, Object> fromFields(Map<?, ?> fields) {
        List<String[]> pairs = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> pairs.add(new String[] { String.valueOf(name), String.valueOf(v) }));
            } else {
                pairs.add(new String[] { String.valueOf(name), value == null ? "" : value.toString() });
            }
        });
        return nest(pairs);
    }

    private static Map<String, Object> nest(List<String[]> pairs) {
        if (pairs.size() > MAX_FIELDS) {
            throw new MalformedException("more than " + MAX_FIELDS + " fields");
        }
        Map<String, Object> root = new LinkedHashMap<>();
        for (String[] pair : pairs) {
            put(root, path(pair[0]), pair[1]);
        }
        return root;
    }

    /** contact[fields][12] -> [contact, fields, 12]; tags[] -> [tags, ""]. */
    private static List<String> path(String name) {
        int open = name.indexOf('[');
        if (open == 0 || name.isEmpty()) {
            throw new MalformedException("a field without a name");
        }
        List<String> path = new ArrayList<>();
        path.add(open < 0 ? name : name.substring(0, open));
        if (open < 0) {
            if (name.indexOf(']') >= 0) {
                throw new MalformedException("unbalanced brackets in a field name");
            }
            return path;
        }
        int i = open;
        while (i < name.length()) {
            if (name.charAt(i) != '[') {
                throw new MalformedException("unbalanced brackets in a field name");
            }
            int close = name.indexOf(']', i);
            if (close < 0 || name.substring(i + 1, close).indexOf('[') >= 0) {
                throw new MalformedException("unbalanced brackets in a field name");
            }
            path.add(name.substring(i + 1, close));
            i = close + 1;
        }
        if (path.size() > MAX_DEPTH) {
            throw new MalformedException("fields nested deeper than " + MAX_DEPTH + " levels");
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String key = path.get(i);
            boolean list = path.get(i + 1).isEmpty();
            Object child = node.get(key);
            if (list && i + 1 == path.size() - 1) {
                if (child == null) {
                    child = new ArrayList<>();
                    node.put(key, child);
                }
                if (!(child instanceof List)) {
                    throw new MalformedException("a field name used both for a value and a list");
                }
                ((List<Object>) child).add(value);
                return;
            }
            if (child == null) {
                child = new LinkedHashMap<String, Object>();
                node.put(key, child);
            }
            if (!(child instanceof Map)) {
                throw new MalformedException("a field name used both for a value and a group");
            }
            node = (Map<String, Object>) child;
        }
        String last = path.get(path.size() - 1);
        if (last.isEmpty()) {
            throw new MalformedException("an empty bracket inside a field name");
        }
        if (node.get(last) instanceof Map) {
            throw new MalformedException("a field name used both for a value and a group");
        }
        node.put(last, value);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("invalid percent-encoding");
        }
    }
}
