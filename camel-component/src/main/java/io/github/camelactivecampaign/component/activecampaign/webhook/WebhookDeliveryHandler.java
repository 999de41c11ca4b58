// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the HTTP requests of a webhook. A request is refused, and never reaches the route, when it lacks the
 * secret (401), is not a form (415), is too large (413) or is not a well-formed delivery (400); refusals are logged
 * without the request's content. A repeated delivery (with an idempotentRepository) is answered 200 and dropped.
 * Any other delivery becomes a message for the route, and is answered 200 only after the route completed it (500
 * when it failed): the service never retries, so a 2xx means the event was handled.
 */
final class WebhookDeliveryHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryHandler.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    /** Hands a checked delivery to the route; throws when the route failed it. */
    @FunctionalInterface
    interface Delivery {
        void deliver(Exchange http, Object body, Map<String, Object> headers) throws Exception;
    }

    private final WebhookSecret secret;
    private final ActiveCampaignWebhookConfiguration configuration;
    private final ObjectMapper mapper;
    private final Delivery delivery;

    WebhookDeliveryHandler(WebhookSecret secret, ActiveCampaignWebhookConfiguration configuration, ObjectMapper mapper,
                           Delivery delivery) {
        this.secret = secret;
        this.configuration = configuration;
        this.mapper = mapper;
        this.delivery = delivery;
    }

    @Override
    public void process(Exchange http) throws Exception {
        Message in = http.getMessage();
        String remote = String.valueOf(in.getHeader("CamelVertxPlatformHttpRemoteAddress", "a client", Object.class));
        if (!secret.matches(queryParameter(in, WebhookSecret.PARAMETER))) {
            refuse(http, 401, "a request without the webhook's secret from " + remote);
            return;
        }
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        if (!contentType.startsWith(FORM)) {
            refuse(http, 415, "a delivery that is not " + FORM + " (" + contentType + ")");
            return;
        }
        Long length = in.getHeader("Content-Length", Long.class);
        if (length != null && length > configuration.getMaxDeliverySize()) {
            refuse(http, 413, "a delivery of " + length + " bytes, over maxDeliverySize");
            return;
        }
        Map<String, Object> fields;
        String canonical;
        try {
            fields = read(in);
            canonical = canonical(fields);
        } catch (TooLargeException e) {
            refuse(http, 413, "a delivery over maxDeliverySize (" + configuration.getMaxDeliverySize() + " bytes)");
            return;
        } catch (WebhookForm.MalformedException e) {
            refuse(http, 400, "a malformed delivery: " + e.getMessage());
            return;
        }
        Object type = fields.get("type");
        if (!(type instanceof String) || ((String) type).isBlank()) {
            refuse(http, 400, "a delivery without an event type");
            return;
        }
        IdempotentRepository repository = configuration.getIdempotentRepository();
        String key = repository == null ? null : digest(canonical);
        if (key != null && !repository.add(key)) {
            LOG.debug("Dropped a repeated {} delivery", type);
            answer(http, 200);
            return;
        }
        try {
            delivery.deliver(http, body(fields), headers(fields));
        } catch (Exception e) {
            if (key != null) {
                repository.remove(key); // not handled: a repeat of it may be
            }
            LOG.warn("A {} delivery failed in the route and was answered 500: {}", type, e.getMessage());
            answer(http, 500);
            return;
        }
        if (key != null) {
            repository.confirm(key);
        }
        answer(http, 200);
    }

    /** The fields, from a server that parsed the form (a Map body) or from the raw body, within maxDeliverySize. */
    private Map<String, Object> read(Message in) throws IOException {
        Object body = in.getBody();
        if (body instanceof Map<?, ?> parsed) {
            long size = 0;
            for (Map.Entry<?, ?> entry : parsed.entrySet()) {
                size += String.valueOf(entry.getKey()).length() + String.valueOf(entry.getValue()).length() + 2;
            }
            if (size > configuration.getMaxDeliverySize()) {
                throw new TooLargeException();
            }
            return WebhookForm.fromFields(parsed);
        }
        byte[] bytes;
        if (body instanceof InputStream stream) {
            bytes = stream.readNBytes(configuration.getMaxDeliverySize() + 1);
        } else {
            bytes = body == null ? new byte[0] : in.getBody(byte[].class);
        }
        if (bytes == null) {
            throw new WebhookForm.MalformedException("a body that is not text");
        }
        if (bytes.length > configuration.getMaxDeliverySize()) {
            throw new TooLargeException();
        }
        return WebhookForm.parse(new String(bytes, StandardCharsets.UTF_8));
    }

    private Object body(Map<String, Object> fields) {
        return switch (configuration.getEventFormat()) {
            case "json" -> mapper.valueToTree(fields);
            case "event" -> WebhookEvent.of(fields, mapper);
            default -> fields;
        };
    }

    private static Map<String, Object> headers(Map<String, Object> fields) {
        Map<String, Object> headers = new TreeMap<>();
        put(headers, ActiveCampaignConstants.WEBHOOK_TYPE, fields.get("type"));
        put(headers, ActiveCampaignConstants.WEBHOOK_DATE_TIME, fields.get("date_time"));
        put(headers, ActiveCampaignConstants.WEBHOOK_INITIATED_BY, fields.get("initiated_by"));
        put(headers, ActiveCampaignConstants.WEBHOOK_INITIATED_FROM, fields.get("initiated_from"));
        put(headers, ActiveCampaignConstants.WEBHOOK_LIST, fields.get("list"));
        return headers;
    }

    private static void put(Map<String, Object> headers, String name, Object value) {
        if (value instanceof String) {
            headers.put(name, value);
        }
    }

    /** The delivery in one order whatever the order of its fields, for de-duplication. */
    private String canonical(Map<String, Object> fields) throws IOException {
        return mapper.writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(fields);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The raw value of a query parameter of the request, or null. */
    static String queryParameter(Message in, String name) {
        String query = in.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null) {
            query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        }
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static void refuse(Exchange http, int status, String what) {
        LOG.warn("Refused {} with HTTP {}", what, status);
        answer(http, status);
    }

    /**
     * Sets the answer and drops every request header, so that nothing of the request (the secret in the query, the
     * form's fields) is echoed back or passed on.
     */
    static void answer(Exchange http, int status) {
        Message message = http.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        message.setBody(status < 300 ? "" : status == 401 ? "Unauthorized" : "Refused");
    }

    /** A delivery over maxDeliverySize. */
    private static final class TooLargeException extends IOException {
    }
}
