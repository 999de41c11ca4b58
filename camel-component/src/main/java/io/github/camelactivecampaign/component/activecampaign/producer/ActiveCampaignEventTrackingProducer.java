// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConfiguration;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignException;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Tracks an event ({@code eventTracking/track}): not an API call but a form posted to the tracking host
 * ({@code actid}, {@code key}, {@code event}, {@code eventdata}, {@code visit}), with the tracking account id and
 * secret instead of the API token. The host answers 200 with {@code "success": 0} when it refuses the event.
 */
public class ActiveCampaignEventTrackingProducer extends DefaultProducer {

    static final int MAX_EVENT_NAME = 32;
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private final ActiveCampaignEndpoint endpoint;
    private final ObjectMapper mapper;
    private final ActiveCampaignRequestBody bodies;
    private final ActiveCampaignParameterValues values;

    public ActiveCampaignEventTrackingProducer(ActiveCampaignEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.mapper = endpoint.getObjectMapper();
        this.bodies = new ActiveCampaignRequestBody(endpoint.getOperation(), mapper,
                endpoint.getConfiguration().getMaxBodySize());
        this.values = new ActiveCampaignParameterValues(endpoint.getOperation());
    }

    @Override
    public void process(Exchange exchange) {
        String operation = endpoint.getOperation().name();
        ActiveCampaignRequest request = new ActiveCampaignRequest(operation, "POST", "", Map.of(),
                form(exchange.getMessage().getBody()), FORM);
        ActiveCampaignResponse response = endpoint.send(request);
        ActiveCampaignResponseReader reader = endpoint.getResponseReader();
        Object body = reader.body(operation, response);
        if (body instanceof Map<?, ?> map && "0".equals(String.valueOf(map.get("success")))) {
            // the tracking host answers 200 even when it refuses; its message may quote the key it was sent
            throw new ActiveCampaignException("ActiveCampaign " + operation + " was refused: "
                                              + reader.scrub(String.valueOf(map.get("message")))
                                              + ". Check trackingAccountId and trackingSecret (Settings > Tracking) and "
                                              + "that event tracking is enabled",
                    operation, response.status(), response.reason(), reader.scrub(String.valueOf(map)), List.of());
        }
        ActiveCampaignResponseReader.setHeaders(exchange.getMessage(), operation, response, body);
        exchange.getMessage().setBody(body);
    }

    /** The form event tracking takes: actid, key, event, eventdata, visit ({"email": ...}). */
    private String form(Object body) {
        JsonNode json = body == null ? null : bodies.toJson(body);
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("eventTracking/track needs a body with at least event, e.g. "
                                               + "{\"event\": \"signed-up\", \"eventdata\": \"plan=pro\", "
                                               + "\"email\": \"jane@example.com\"}");
        }
        String event = json.path("event").asText("");
        if (event.isBlank() || event.length() > MAX_EVENT_NAME) {
            throw new IllegalArgumentException("eventTracking/track: event must be 1 to " + MAX_EVENT_NAME
                                               + " characters, was '" + event + "'");
        }
        if (!present(json, "email") && !present(json, "visit")) {
            throw new IllegalArgumentException("eventTracking/track needs the contact the event is about: an email "
                                               + "(\"email\": \"jane@example.com\") or a visit (\"visit\": "
                                               + "{\"email\": ...}); without one the tracking host has no one to "
                                               + "record it for");
        }
        ActiveCampaignConfiguration configuration = endpoint.getConfiguration();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("actid", configuration.getTrackingAccountId());
        form.put("key", configuration.getTrackingSecret());
        form.put("event", event);
        if (json.hasNonNull("eventdata")) {
            JsonNode data = json.get("eventdata");
            form.put("eventdata", data.isValueNode() ? data.asText() : data.toString());
        }
        if (present(json, "visit")) {
            JsonNode visit = json.get("visit");
            form.put("visit", visit.isValueNode() ? visit.asText() : visit.toString());
        } else {
            form.put("visit", mapper.createObjectNode().put("email", json.get("email").asText()).toString());
        }
        StringJoiner encoded = new StringJoiner("&");
        form.forEach((name, value) -> encoded.add(ActiveCampaignRequest.encode(name) + "="
                                                  + ActiveCampaignRequest.encode(values.checked(name, value))));
        return encoded.toString();
    }

    /** Whether the field holds something: not missing, null or blank. */
    private static boolean present(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank());
    }
}
