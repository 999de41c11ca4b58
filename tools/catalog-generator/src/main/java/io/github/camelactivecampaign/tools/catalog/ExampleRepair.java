// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Mends the reference's response examples that are not valid JSON (a known defect of the description: hand-written
 * bodies with unquoted keys, missing commas, a {@code [} where an object opens, objects left open, non-breaking
 * spaces). Only the punctuation is mended, never a value; an example this cannot mend stays recorded as invalid.
 */
final class ExampleRepair {

    private static final Pattern KEY_AT_LINE_START = Pattern.compile("^(\\s*)([A-Za-z_]\\w*)\\s*:", Pattern.MULTILINE);
    private static final Pattern KEY_AFTER_BRACE = Pattern.compile("([{,]\\s*)([A-Za-z_]\\w*)\\s*:(?!/)");
    private static final Pattern KEY_WITHOUT_COLON = Pattern.compile("(\"[A-Za-z_]+\")\\s+\\{");
    private static final Pattern UNQUOTED_PATH = Pattern.compile("(\":)\\s*/");
    private static final Pattern MISSING_COMMA = Pattern.compile("(\"|\\d|true|false|null|[}\\]])(\\s*\\n\\s*)(\")");
    private static final Pattern ARRAY_FOR_OBJECT = Pattern.compile("\\[(\\s*\"[A-Za-z_]+\"\\s*:)");
    private static final Pattern URL_CLOSED_AS_ARRAY = Pattern.compile("(\"https?://[^\"]*\")\\s*]");
    private static final Pattern TRAILING_COMMA = Pattern.compile(",(\\s*[}\\]])");

    private ExampleRepair() {
    }

    /** The mended text, or null when it does not even start like a JSON document. */
    static String repair(String example) {
        String text = example.replace('\u00a0', ' ').strip();
        if (text.isEmpty() || "{[\"".indexOf(text.charAt(0)) < 0) {
            return null;
        }
        if (text.startsWith("\"")) {
            text = "{" + text;
        }
        text = KEY_AT_LINE_START.matcher(text).replaceAll("$1\"$2\":");
        text = KEY_AFTER_BRACE.matcher(text).replaceAll("$1\"$2\":");
        text = KEY_WITHOUT_COLON.matcher(text).replaceAll("$1: {");
        text = UNQUOTED_PATH.matcher(text).replaceAll("$1 \"/");
        text = MISSING_COMMA.matcher(text).replaceAll("$1,$2$3");
        text = ARRAY_FOR_OBJECT.matcher(text).replaceAll("{$1");
        text = URL_CLOSED_AS_ARRAY.matcher(text).replaceAll("$1}");
        text = TRAILING_COMMA.matcher(text).replaceAll("$1");
        return closeOpenObjects(text);
    }

    /** Closes the objects and arrays left open before a bracket that closes an outer one. */
    private static String closeOpenObjects(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (inString) {
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                open.push(c);
            } else if (c == '}' || c == ']') {
                char wanted = c == '}' ? '{' : '[';
                out.setLength(out.length() - 1);
                while (!open.isEmpty() && open.peek() != wanted) {
                    out.append(open.pop() == '{' ? '}' : ']');
                }
                if (!open.isEmpty()) {
                    open.pop();
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
