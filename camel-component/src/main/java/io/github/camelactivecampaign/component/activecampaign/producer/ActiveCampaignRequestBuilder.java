// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import org.apache.camel.Message;

/**
 * Resolves an exchange into the {@link ActiveCampaignRequest} of the endpoint's operation: each parameter from its
 * header, else the message body when {@code inBody} names it, else the endpoint option, else (path ids) a field of
 * the body; validates everything before any I/O; builds the JSON body in the operation's envelope.
 * <p>
 * What the endpoint fixes (the options' values, validated, and the raw query parameters) is resolved once, when
 * the builder is made; a request only adds what its exchange brings.
 */
public final class ActiveCampaignRequestBuilder {

    static final String JSON = "application/json; charset=UTF-8";
    private static final Pattern RAW_QUERY_NAME = Pattern.compile("[A-Za-z_][\\w-]*(\\[[^\\[\\]]*])+");

    /** A parameter with its header name and the endpoint's value for it, resolved once. */
    private record ResolvedParameter(ActiveCampaignParameter parameter, String header, Object option,
                                     List<String> optionValues, boolean inBody) {
    }

    private final ActiveCampaignOperation operation;
    private final ActiveCampaignParameterValues values;
    private final ActiveCampaignRequestBody bodies;
    private final List<ResolvedParameter> pathParameters = new ArrayList<>();
    /** The path template's literal parts around its parameters, split once: {@code /deals/}, {@code /notes}. */
    private final String[] pathLiterals;
    private final List<ResolvedParameter> queryParameters = new ArrayList<>();
    private final Map<String, List<String>> rawQuery = new LinkedHashMap<>();
    private final boolean bodyIsParameter;
    /** An endpoint option with a bad value: every exchange fails with it, before any I/O. */
    private final IllegalArgumentException badOption;

    public ActiveCampaignRequestBuilder(ActiveCampaignEndpoint endpoint, ObjectMapper mapper) {
        this.operation = endpoint.getOperation();
        this.values = new ActiveCampaignParameterValues(operation, operation.list() && endpoint.isPaginate());
        this.bodies = new ActiveCampaignRequestBody(operation, mapper,
                endpoint.getConfiguration().getMaxBodySize());
        String inBody = endpoint.getInBody();
        IllegalArgumentException problem = null;
        for (ActiveCampaignParameter parameter : operation.parameters()) {
            Object option = endpoint.operationOption(parameter);
            boolean fromBody = inBody != null && (parameter.option().equalsIgnoreCase(inBody)
                                                  || parameter.name().equals(inBody));
            boolean isPath = operation.pathParams().contains(parameter);
            List<String> optionValues = null;
            try {
                optionValues = option == null || isPath ? null : values.queryValues(parameter, option);
            } catch (IllegalArgumentException e) {
                problem = problem == null ? e : problem;
            }
            ResolvedParameter resolved = new ResolvedParameter(parameter, parameter.header(), option, optionValues,
                    fromBody);
            (isPath ? pathParameters : queryParameters).add(resolved);
        }
        this.pathLiterals = splitPath(operation.path(), pathParameters);
        this.bodyIsParameter = inBody != null;
        try {
            addRawQuery(rawQuery, endpoint.getRawQueryParameters());
        } catch (IllegalArgumentException e) {
            problem = problem == null ? e : problem;
        }
        this.badOption = problem;
    }

    /**
     * Fails when an option of the endpoint has a bad value, as every exchange would; for a consumer, which must
     * refuse to start rather than poll with it.
     */
    public void checkOptions() {
        if (badOption != null) {
            throw new IllegalArgumentException(badOption.getMessage(), badOption);
        }
        for (ResolvedParameter resolved : pathParameters) {
            if (resolved.option() != null) {
                values.pathValue(resolved.parameter(), resolved.option());
            }
        }
    }

    /** The request of this exchange. */
    public ActiveCampaignRequest build(Message message) {
        if (badOption != null) {
            throw new IllegalArgumentException(badOption.getMessage(), badOption);
        }
        Object body = message.getBody();
        JsonNode bodyJson = body == null || bodyIsParameter ? null : bodies.toJson(body);
        // most exchanges carry no headers: then no parameter needs looking up by its header
        boolean headers = message.hasHeaders();
        String path = operation.path();
        if (!pathParameters.isEmpty()) {
            StringBuilder filled = new StringBuilder(path.length() + 16).append(pathLiterals[0]);
            for (int i = 0; i < pathParameters.size(); i++) {
                filled.append(ActiveCampaignRequest.encode(pathValue(pathParameters.get(i), message, headers, body,
                        bodyJson))).append(pathLiterals[i + 1]);
            }
            path = filled.toString();
        }

        Map<String, List<String>> query = new LinkedHashMap<>();
        for (ResolvedParameter resolved : queryParameters) {
            ActiveCampaignParameter parameter = resolved.parameter();
            Object header = headers ? message.getHeader(resolved.header()) : null;
            if (header == null && resolved.inBody()) {
                header = body;
            }
            if (header != null) {
                query.put(parameter.name(), values.queryValues(parameter, header));
            } else if (resolved.optionValues() != null) {
                query.put(parameter.name(), resolved.optionValues());
            } else if (parameter.required()) {
                throw missing(parameter);
            }
        }
        query.putAll(rawQuery);
        Object extra = headers ? message.getHeader(ActiveCampaignConstants.QUERY_PARAMETERS) : null;
        if (extra instanceof Map<?, ?> map) {
            addRawQuery(query, map);
        } else if (extra != null) {
            throw new IllegalArgumentException(ActiveCampaignConstants.QUERY_PARAMETERS + " must be a Map of query "
                                               + "parameter names to values, was " + extra.getClass().getName());
        }
        String text = bodies.text(bodyJson);
        return new ActiveCampaignRequest(operation.name(), operation.method(), path, query, text,
                text == null ? null : JSON);
    }

    private Object value(ResolvedParameter resolved, Message message, boolean headers, Object body) {
        Object value = headers ? message.getHeader(resolved.header()) : null;
        if (value == null && resolved.inBody()) {
            value = body;
        }
        return value != null ? value : resolved.option();
    }

    private String pathValue(ResolvedParameter resolved, Message message, boolean headers, Object body,
                             JsonNode bodyJson) {
        ActiveCampaignParameter parameter = resolved.parameter();
        Object value = value(resolved, message, headers, body);
        if (value == null) {
            value = idFromBody(parameter, body, bodyJson);
        }
        if (value == null) {
            throw missing(parameter);
        }
        return values.pathValue(parameter, value);
    }

    /** The literal parts of a path template around its parameters, in the parameters' order. */
    private static String[] splitPath(String template, List<ResolvedParameter> parameters) {
        String[] literals = new String[parameters.size() + 1];
        int from = 0;
        for (int i = 0; i < parameters.size(); i++) {
            String placeholder = "{" + parameters.get(i).parameter().name() + "}";
            int at = template.indexOf(placeholder, from);
            literals[i] = template.substring(from, at);
            from = at + placeholder.length();
        }
        literals[parameters.size()] = template.substring(from);
        return literals;
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

    private void addRawQuery(Map<String, List<String>> query, Map<?, ?> raw) {
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            String name = values.checked("query parameter name", String.valueOf(entry.getKey()));
            if (name.isBlank() || name.indexOf('[') >= 0 && !RAW_QUERY_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(operation.name() + ": query parameter '" + name + "' is not a "
                                                   + "valid name; bracketed names look like filters[name][contains]");
            }
            if (entry.getValue() != null) {
                query.put(name, List.of(values.checked(name, String.valueOf(entry.getValue()))));
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
}
