// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignException;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignRateLimitException;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignSecrets;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException;
import org.apache.camel.Message;

/**
 * Reads what the service answered: the parsed body of a success, its records and {@code meta.total}, the result as
 * the endpoint's {@code outputClass}; or an {@link ActiveCampaignException} that says what went wrong and what to do
 * next. Shared by the producer, the pager and the consumer.
 * <p>
 * Whatever it builds from a response for a message (the service's errors, the body, a snippet) has the configured
 * secrets masked: a server that echoes the token must not put it into a log line of Camel's error handler.
 */
public final class ActiveCampaignResponseReader {

    /** Response bodies are kept in exceptions up to this many characters. */
    static final int MAX_BODY_IN_EXCEPTION = 2048;
    /** The start of a body that is not JSON, quoted in the message. */
    static final int SNIPPET = 200;

    private final ObjectMapper mapper;
    private final ActiveCampaignSecrets secrets;
    /** Reads a JSON document into Maps and Lists; made once, not looked up per response. */
    private final ObjectReader valueReader;

    public ActiveCampaignResponseReader(ObjectMapper mapper) {
        this(mapper, ActiveCampaignSecrets.of());
    }

    public ActiveCampaignResponseReader(ObjectMapper mapper, ActiveCampaignSecrets secrets) {
        this.mapper = mapper;
        this.secrets = secrets;
        this.valueReader = mapper.readerFor(Object.class);
    }

    /**
     * The parsed JSON of a successful response (Map, List or a JSON scalar), null when the body is empty. Text the
     * service labels {@code text/plain} (siteTracking/code answers its JavaScript so) is returned as it is; any
     * other body that is not JSON (an HTML maintenance page with 200) fails.
     */
    public Object body(String operation, ActiveCampaignResponse response) {
        if (!response.isSuccess()) {
            throw failure(operation, response);
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        String trimmed = body.stripLeading();
        boolean structured = trimmed.startsWith("{") || trimmed.startsWith("[");
        if (!structured && isPlainText(response.contentType())) {
            return body;
        }
        try {
            return valueReader.readValue(body);
        } catch (JsonProcessingException e) {
            String scrubbed = secrets.scrub(body);
            if (!structured) {
                throw new ActiveCampaignException("ActiveCampaign " + operation + " answered HTTP "
                                                  + response.status() + " with a body that is not JSON (Content-Type: "
                                                  + (response.contentType() == null ? "none"
                                                          : secrets.scrub(response.contentType()))
                                                  + "): " + snippet(scrubbed) + ". Something other than the "
                                                  + "ActiveCampaign API answered (a proxy, a maintenance page): check "
                                                  + "baseUrl and try again later",
                        operation, response.status(), secrets.scrub(response.reason()), truncate(scrubbed), List.of());
            }
            throw new ActiveCampaignException("ActiveCampaign " + operation + " answered HTTP " + response.status()
                                              + " with a body that is not valid JSON ("
                                              + secrets.scrub(e.getOriginalMessage()) + "): " + truncate(scrubbed),
                    operation, response.status(), secrets.scrub(response.reason()), truncate(scrubbed), List.of());
        }
    }

    private static boolean isPlainText(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("text/plain");
    }

    /** The exception for a transport failure: the rate limiter's refusal has a type of its own. */
    public ActiveCampaignException failure(ActiveCampaignTransportException e) {
        String message = secrets.scrub(e.getMessage());
        if (e.getReason() == ActiveCampaignTransportException.Reason.RATE_LIMITED) {
            return new ActiveCampaignRateLimitException(message, e.getOperation());
        }
        return new ActiveCampaignException(message, e.getOperation(),
                secrets.scrub(e.getCause() != null ? e.getCause() : e));
    }

    ActiveCampaignException failure(String operation, ActiveCampaignResponse served) {
        // everything below is built from what the server sent: from its scrubbed copy only
        ActiveCampaignResponse response = secrets.scrub(served);
        List<ActiveCampaignException.ServiceError> errors = new ArrayList<>();
        String serviceMessage = null;
        try {
            JsonNode json = mapper.readTree(response.body());
            if (json != null && json.isObject()) {
                for (JsonNode error : json.path("errors")) {
                    errors.add(new ActiveCampaignException.ServiceError(text(error, "title"), text(error, "detail"),
                            text(error, "code"), text(error.path("source"), "pointer")));
                }
                serviceMessage = text(json, "message");
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not JSON (an HTML error page, a proxy's text): the body goes into the message as text
        }
        StringBuilder message = new StringBuilder("ActiveCampaign ").append(operation).append(" failed with HTTP ")
                .append(response.status());
        if (response.reason() != null && !response.reason().isEmpty()) {
            message.append(' ').append(response.reason());
        }
        if (!errors.isEmpty()) {
            message.append(": ");
            for (int i = 0; i < errors.size(); i++) {
                ActiveCampaignException.ServiceError error = errors.get(i);
                message.append(i == 0 ? "" : "; ").append(error.title() != null ? error.title() : error.detail());
                if (error.detail() != null && error.title() != null && !error.detail().equals(error.title())) {
                    message.append(" (").append(error.detail()).append(')');
                }
                if (error.pointer() != null) {
                    message.append(" at ").append(error.pointer());
                }
            }
        } else if (serviceMessage != null) {
            message.append(": ").append(serviceMessage);
        } else if (response.body() != null && !response.body().isBlank()) {
            message.append(": ").append(truncate(response.body().strip()));
        }
        message.append(hint(response.status()));
        return new ActiveCampaignException(message.toString(), operation, response.status(), response.reason(),
                truncate(response.body()), errors);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> ". Check apiKey: it must be the API token of the account that baseUrl points to "
                             + "(Settings > Developer)";
            case 404 -> ". Check the ids in the request: the record may not exist or was deleted";
            case 422 -> ". Fix the request body fields named above";
            case 429 -> ". The account's rate limit (5 requests/second) was exceeded even after waiting Retry-After";
            default -> status >= 300 && status < 400
                    ? ". Redirects are not followed, so the token never goes to another host: check baseUrl"
                    : status >= 500 ? ". The service failed; try again later" : "";
        };
    }

    /** Sets the headers every answer sets: status, operation, meta.total and the service's rate-limit headers. */
    public static void setHeaders(Message message, String operation, ActiveCampaignResponse response, Object body) {
        message.setHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE, response.status());
        message.setHeader(ActiveCampaignConstants.OPERATION, operation);
        Long total = total(body);
        if (total != null) {
            message.setHeader(ActiveCampaignConstants.TOTAL, total);
        }
        String limit = response.header("RateLimit-Limit");
        if (limit != null) {
            message.setHeader(ActiveCampaignConstants.RATE_LIMIT_LIMIT, limit);
        }
        String remaining = response.header("RateLimit-Remaining");
        if (remaining != null) {
            message.setHeader(ActiveCampaignConstants.RATE_LIMIT_REMAINING, remaining);
        }
    }

    /** The records of a list response, empty when there are none. */
    public static List<?> records(ActiveCampaignOperation operation, Object response) {
        if (response instanceof Map<?, ?> map && map.get(operation.resultKey()) instanceof List<?> list) {
            return list;
        }
        return response instanceof List<?> list ? list : List.of();
    }

    /** meta.total, a string or a number depending on the endpoint; null when absent or not a number. */
    public static Long total(Object response) {
        if (response instanceof Map<?, ?> map && map.get("meta") instanceof Map<?, ?> meta) {
            Object total = meta.get("total");
            if (total instanceof Number number) {
                return number.longValue();
            }
            if (total instanceof String text) {
                try {
                    return Long.parseLong(text.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The result as outputClass: the object under the result key, or a list of them for list operations. */
    public Object convert(ActiveCampaignOperation operation, Object response, Class<?> type) {
        if (type == null || response == null || type.isInstance(response)) {
            return response;
        }
        if (operation.list()) {
            return records(operation, response).stream().map(r -> convertOne(r, type)).toList();
        }
        Object result = response;
        if (response instanceof Map<?, ?> map && operation.resultKey() != null
                && map.containsKey(operation.resultKey())) {
            result = map.get(operation.resultKey());
        }
        return convertOne(result, type);
    }

    /** One record as outputClass (unchanged when null). */
    public Object convertOne(Object value, Class<?> type) {
        if (type == null || value == null || type.isInstance(value)) {
            return value;
        }
        try {
            return mapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            // Jackson quotes the value it could not convert, which came from the service
            throw new ActiveCampaignException("Cannot convert the result to " + type.getName() + ": "
                                              + secrets.scrub(e.getMessage()), null, secrets.scrub(e));
        }
    }

    /** The text with the configured secrets masked, for messages built from what the service sent. */
    public String scrub(String text) {
        return secrets.scrub(text);
    }

    /** The response with the configured secrets masked where they must never travel on (see ActiveCampaignSecrets). */
    public ActiveCampaignResponse scrub(ActiveCampaignResponse response) {
        return secrets.scrub(response);
    }

    /** The start of a body on one line, for a message. */
    static String snippet(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= SNIPPET ? line : line.substring(0, SNIPPET) + "...";
    }

    static String truncate(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= MAX_BODY_IN_EXCEPTION ? body
                : body.substring(0, MAX_BODY_IN_EXCEPTION) + "... (" + body.length() + " characters)";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
