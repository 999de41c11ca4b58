// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the catalog as the simulator serves it: the path template turned into a pattern.
 */
record SimulatorOperation(String name, String apiName, String methodName, String method, String path,
                          String bodyKey, boolean list, String resultKey, Pattern pattern,
                          List<String> pathParams) {

    static SimulatorOperation of(String name, String apiName, String methodName, String method, String path,
                                 String bodyKey, boolean list, String resultKey) {
        List<String> params = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher placeholders = Pattern.compile("\\{([^}]+)}").matcher(path);
        int from = 0;
        while (placeholders.find()) {
            regex.append(Pattern.quote(path.substring(from, placeholders.start()))).append("([^/]+)");
            params.add(placeholders.group(1));
            from = placeholders.end();
        }
        regex.append(Pattern.quote(path.substring(from)));
        return new SimulatorOperation(name, apiName, methodName, method, path, bodyKey, list, resultKey,
                Pattern.compile(regex.toString()), List.copyOf(params));
    }

    /** The path parameters (decoded) when this operation serves the method and path, else null. */
    Map<String, String> match(String requestMethod, String rawPath) {
        if (!method.equals(requestMethod)) {
            return null;
        }
        Matcher matcher = pattern.matcher(rawPath);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pathParams.size(); i++) {
            values.put(pathParams.get(i),
                    URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** Literal segments of the path. */
    List<String> literals() {
        List<String> literals = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                literals.add(segment);
            }
        }
        return literals;
    }

    String lastLiteral() {
        List<String> literals = literals();
        return literals.get(literals.size() - 1);
    }

    int paramCount() {
        return pathParams.size();
    }

    /** One record by its id: {@code /deals/{id}}, or {@code /customObjects/records/{schemaId}/{recordId}}. */
    boolean itemPath() {
        return paramCount() >= 1 && path.endsWith("}") && !subResource();
    }

    /**
     * Records that belong to another record: {@code /contacts/{id}/deals}, {@code /deals/{id}/notes} and
     * {@code /deals/{id}/notes/{noteId}}: a literal segment follows the first parameter.
     */
    boolean subResource() {
        int brace = path.indexOf('}');
        if (brace < 0) {
            return false;
        }
        for (String segment : path.substring(brace + 1).split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{") && !"external".equals(segment)) {
                return true;
            }
        }
        return false;
    }
}
