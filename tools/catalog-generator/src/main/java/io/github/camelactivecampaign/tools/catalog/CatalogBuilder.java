// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import static io.github.camelactivecampaign.tools.catalog.OperationNaming.camel;
import static io.github.camelactivecampaign.tools.catalog.OperationNaming.isParam;
import static io.github.camelactivecampaign.tools.catalog.OperationNaming.segments;
import static io.github.camelactivecampaign.tools.catalog.OperationNaming.singular;
import static io.github.camelactivecampaign.tools.catalog.OperationNaming.words;

/**
 * Turns corrected {@link SpecOperation}s into {@link CatalogOperation}s: envelope keys, list detection, paging
 * parameters, names, option names and descriptions.
 */
final class CatalogBuilder {

    /** Collection GETs that answer with one object, not a page (their response is undescribed in the spec). */
    static final Set<String> NOT_LISTS = Set.of("/eventTracking", "/import/bulk_import", "/template/share");

    /**
     * Camel endpoint options that an operation parameter must never shadow: the endpoint's own options and the
     * scheduler's.
     */
    static final Set<String> RESERVED_OPTIONS = Set.of(
            "apiName", "methodName", "apiKey", "baseUrl", "paginate", "pageSize", "outputClass", "outputType",
            "trackingUrl", "trackingAccountId", "trackingSecret", "connectTimeout", "responseTimeout",
            "lazyStartProducer", "bridgeErrorHandler", "exceptionHandler", "exchangePattern", "delay", "initialDelay",
            "greedy", "scheduler", "timeUnit", "useFixedDelay", "backoffMultiplier", "backoffIdleThreshold",
            "backoffErrorThreshold", "runLoggingLevel", "startScheduler", "repeatCount", "sendEmptyMessageWhenIdle",
            "pollStrategy", "schedulerProperties", "scheduledExecutorService", "inBody");

    private CatalogBuilder() {
    }

    static List<CatalogOperation> build(List<SpecOperation> specOperations) {
        List<CatalogOperation> operations = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (SpecOperation spec : specOperations) {
            CatalogOperation operation = build(spec);
            String previous = names.put(operation.name(), spec.key());
            if (previous != null) {
                throw new IllegalStateException("Operation name " + operation.name() + " is given to both "
                                                + previous + " and " + spec.key() + "; name one in METHOD_NAMES");
            }
            operations.add(operation);
        }
        return operations;
    }

    private static CatalogOperation build(SpecOperation spec) {
        decideBody(spec);
        String resultKey = resultKey(spec);
        boolean list = isList(spec, resultKey);
        String apiName = OperationNaming.apiName(spec.path);
        String methodName = OperationNaming.methodName(spec.method, spec.path, list);

        List<CatalogParameter> pathParams = new ArrayList<>();
        for (String segment : segments(spec.path)) {
            if (isParam(segment)) {
                String name = segment.substring(1, segment.length() - 1);
                SpecOperation.Param declared = spec.param(name);
                String type = declared != null ? declared.type : "string";
                pathParams.add(parameter(name, type, true, apiName));
            }
        }
        List<CatalogParameter> queryParams = new ArrayList<>();
        for (SpecOperation.Param param : spec.params("query")) {
            queryParams.add(parameter(param.name, param.name.endsWith("[]") ? "array" : param.type, param.required,
                    apiName));
        }
        if (list) {
            addPaging(spec, queryParams, apiName);
        }
        if (resultKey == null) {
            resultKey = spec.bodyKey;
        }
        return new CatalogOperation(
                apiName, methodName, spec.method, spec.path, Descriptions.describe(apiName, methodName, spec, list),
                List.copyOf(pathParams), List.copyOf(queryParams), spec.bodyKey, spec.bodyType, list, resultKey,
                spec.host, spec.specMethod, spec.specPath, List.copyOf(spec.corrections),
                List.copyOf(spec.responseExamples), spec.requestExample);
    }

    private static void addPaging(SpecOperation spec, List<CatalogParameter> queryParams, String apiName) {
        for (String paging : List.of("limit", "offset")) {
            if (queryParams.stream().noneMatch(p -> p.name().equals(paging))) {
                spec.correct("list operation takes " + paging);
                queryParams.add(parameter(paging, "integer", false, apiName));
            }
        }
    }

    private static CatalogParameter parameter(String name, String type, boolean required, String apiName) {
        String option = camel(name);
        if (RESERVED_OPTIONS.contains(option)) {
            throw new IllegalStateException("Parameter " + name + " of " + apiName + " would shadow the endpoint "
                                            + "option " + option);
        }
        return new CatalogParameter(name, option, type, required, Descriptions.describeParameter(name, apiName));
    }

    /** The envelope of the request body: the one object-typed property the schema declares. */
    private static void decideBody(SpecOperation spec) {
        if (spec.bodyDecided) {
            return;
        }
        JsonNode schema = spec.bodySchema;
        if (schema == null) {
            // PUT /configs/{id} and POST .../child declare no body but take one: pass it through unwrapped
            spec.bodyType = Set.of("POST", "PUT", "PATCH").contains(spec.method) ? "object" : null;
            return;
        }
        JsonNode properties = schema.path("properties");
        if (properties.size() == 1 && properties.has("array")) {
            // the spec's way of saying "the body is a JSON array"
            spec.bodyType = "array";
            return;
        }
        List<String> objects = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        properties.fields().forEachRemaining(e -> {
            if (isObject(e.getValue())) {
                objects.add(e.getKey());
            } else if ("array".equals(e.getValue().path("type").asText())) {
                arrays.add(e.getKey());
            }
        });
        spec.bodyType = "object";
        // one object beside scalar flags ({"fieldValue": {...}, "useDefaults": true}) is an envelope
        spec.bodyKey = objects.size() == 1 && arrays.isEmpty() ? objects.get(0) : null;
    }

    private static boolean isObject(JsonNode schema) {
        return "object".equals(schema.path("type").asText()) || schema.has("properties");
    }

    /** The response key that holds the result: the last path segment when declared, else the only array/object. */
    private static String resultKey(SpecOperation spec) {
        JsonNode properties = spec.responseSchema == null ? null : spec.responseSchema.path("properties");
        List<String> segments = segments(spec.path);
        String last = segments.get(segments.size() - 1);
        if (properties == null || properties.isEmpty()) {
            return "GET".equals(spec.method) && !isParam(last) && !NOT_LISTS.contains(spec.path)
                    && segments.size() == 1 ? camel(last) : null;
        }
        if (spec.bodyKey != null && properties.has(spec.bodyKey)) {
            return spec.bodyKey;
        }
        if (properties.has(camel(last))) {
            return camel(last);
        }
        List<String> arrays = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ("meta".equals(field.getKey())) {
                continue;
            }
            if ("array".equals(field.getValue().path("type").asText())) {
                arrays.add(field.getKey());
            } else if (isObject(field.getValue())) {
                objects.add(field.getKey());
            }
        }
        if (arrays.size() == 1 && (objects.isEmpty() || "GET".equals(spec.method) && !isParam(last))) {
            return arrays.get(0);
        }
        if (objects.size() == 1) {
            return objects.get(0);
        }
        String singular = singular(camel(segments.get(0)));
        return properties.has(singular) ? singular : null;
    }

    private static boolean isList(SpecOperation spec, String resultKey) {
        if (!"GET".equals(spec.method) || resultKey == null) {
            return false;
        }
        JsonNode properties = spec.responseSchema == null ? null : spec.responseSchema.path("properties");
        if (properties == null || properties.isEmpty()) {
            return true; // undescribed collection GET (see resultKey)
        }
        return "array".equals(properties.path(resultKey).path("type").asText());
    }
}
