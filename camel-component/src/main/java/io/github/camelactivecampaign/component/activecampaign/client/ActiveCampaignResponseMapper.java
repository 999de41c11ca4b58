// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignException;

/**
 * Turns a response into the parsed body, or into an {@link ActiveCampaignException} that says what went wrong and
 * what to do next.
 */
public final class ActiveCampaignResponseMapper {

    /** Response bodies are kept in exceptions up to this many characters. */
    static final int MAX_BODY_IN_EXCEPTION = 2048;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public ActiveCampaignResponseMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The parsed JSON of a successful response (Map or List), null when empty, or the text when it is not JSON.
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
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return body;
        }
        try {
            return trimmed.startsWith("{") ? mapper.readValue(body, MAP) : mapper.readValue(body, List.class);
        } catch (JsonProcessingException e) {
            throw new ActiveCampaignException("ActiveCampaign " + operation + " answered HTTP " + response.status()
                                              + " with a body that is not valid JSON (" + e.getOriginalMessage()
                                              + "): " + truncate(body),
                    operation, response.status(), response.reason(), truncate(body), List.of());
        }
    }

    ActiveCampaignException failure(String operation, ActiveCampaignResponse response) {
        List<ActiveCampaignException.Error> errors = new ArrayList<>();
        String serviceMessage = null;
        try {
            JsonNode json = mapper.readTree(response.body());
            if (json != null && json.isObject()) {
                for (JsonNode error : json.path("errors")) {
                    errors.add(new ActiveCampaignException.Error(text(error, "title"), text(error, "detail"),
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
                ActiveCampaignException.Error error = errors.get(i);
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
