// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names each operation {@code resource/operation}. The rules, in order:
 * <ol>
 * <li>The resource is the first path segment ({@code /deals/...} -> {@code deals}), except for the prefixes in
 * {@link #RESOURCES} (singular or nested collections get the plural resource name users look for).</li>
 * <li>The operation follows from the shape of the rest of the path:
 * <ul>
 * <li>{@code /deals}: GET list (or {@code get} when it returns one object), POST create, PUT update, PATCH patch,
 * DELETE delete;</li>
 * <li>{@code /deals/{id}}: GET get (list when the result is a page), PUT update, POST create, DELETE delete;</li>
 * <li>{@code /deals/{id}/notes}: GET the sub-resource name ({@code notes}), POST create + singular
 * ({@code createNote});</li>
 * <li>{@code /deals/{id}/notes/{noteId}}: the verb + singular ({@code updateNote});</li>
 * <li>{@code /accounts/bulk_delete}: the action in camelCase ({@code bulkDelete});</li>
 * <li>{@code /users/email/{email}}: the verb + By + the action ({@code getByEmail}).</li>
 * </ul></li>
 * <li>Where a rule reads badly or two operations would get one name, {@link #METHOD_NAMES} names it.</li>
 * </ol>
 */
final class OperationNaming {

    /** Path prefix -> resource name. Longest prefixes first. */
    static final List<String[]> RESOURCES = List.of(
            new String[] { "/customObjects/schemas", "customObjectSchemas" },
            new String[] { "/customObjects/records", "customObjectRecords" },
            new String[] { "/contact", "contacts" },
            new String[] { "/template", "templates" },
            new String[] { "/webhook", "webhooks" },
            new String[] { "/fieldOption", "fieldOptions" },
            new String[] { "/event", "eventTracking" });

    /** "METHOD served-path" -> operation name, where the rules read badly or clash. */
    static final Map<String, String> METHOD_NAMES = Map.ofEntries(
            Map.entry("POST /event", "track"),
            Map.entry("GET /import/bulk_import", "bulkImportStatus"),
            Map.entry("POST /customObjects/records/{schemaId}", "createOrUpdate"),
            Map.entry("GET /customObjects/records/{schemaId}/external/{externalId}", "getByExternalId"),
            Map.entry("DELETE /customObjects/records/{schemaId}/external/{externalId}", "deleteByExternalId"),
            Map.entry("POST /customObjects/schemas/public", "createPublic"),
            Map.entry("POST /fieldOption/bulk", "bulkCreate"),
            Map.entry("PUT /dealStages/{id}/deals", "moveDeals"),
            Map.entry("PUT /dealTasktypes/{id}/dealTasks", "moveTasks"));

    private OperationNaming() {
    }

    static String apiName(String path) {
        String[] resource = resource(path);
        return resource != null ? resource[1] : segments(path).get(0);
    }

    private static String[] resource(String path) {
        return RESOURCES.stream()
                .filter(r -> path.equals(r[0]) || path.startsWith(r[0] + "/"))
                .findFirst().orElse(null);
    }

    static String methodName(String method, String path, boolean list) {
        String override = METHOD_NAMES.get(method + " " + path);
        if (override != null) {
            return override;
        }
        List<String> rest = rest(path);
        String verb = verb(method);
        if (rest.isEmpty()) {
            return switch (method) {
                case "GET" -> list ? "list" : "get";
                default -> verb;
            };
        }
        boolean firstIsParam = isParam(rest.get(0));
        if (rest.size() == 1) {
            if (firstIsParam) {
                return "GET".equals(method) && list ? "list" : verb;
            }
            return camel(rest.get(0));
        }
        if (rest.size() == 2) {
            if (firstIsParam && isParam(rest.get(1))) {
                return verb;
            }
            if (firstIsParam) {
                String sub = rest.get(1);
                return "GET".equals(method) ? sub : verb + capitalize(singular(sub));
            }
            return verb + "By" + capitalize(camel(rest.get(0)));
        }
        if (rest.size() == 3 && firstIsParam && isParam(rest.get(2))) {
            return verb + capitalize(singular(rest.get(1)));
        }
        throw new IllegalStateException("No naming rule for " + method + " " + path + "; add it to METHOD_NAMES");
    }

    /** The path segments after the resource prefix. */
    private static List<String> rest(String path) {
        String[] resource = resource(path);
        if (resource != null) {
            return segments(path.substring(resource[0].length()));
        }
        List<String> segments = segments(path);
        return segments.subList(1, segments.size());
    }

    private static String verb(String method) {
        return switch (method) {
            case "GET" -> "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> throw new IllegalArgumentException(method);
        };
    }

    static List<String> segments(String path) {
        return new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
    }

    static boolean isParam(String segment) {
        return segment.startsWith("{");
    }

    /** {@code bulk_delete} -> {@code bulkDelete}; {@code filters[updated_after]} -> {@code filtersUpdatedAfter}. */
    static String camel(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper && out.length() > 0 ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.toString();
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** {@code dealCustomFieldData} -> {@code deal custom field data}. */
    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
