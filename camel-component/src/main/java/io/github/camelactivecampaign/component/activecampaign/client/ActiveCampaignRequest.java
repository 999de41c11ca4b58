// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request of an operation, resolved and encoded, ready to send to the client's base URL. The pager derives the
 * requests of further pages from the first with {@link #withQuery}.
 *
 * @param operation   the operation name, e.g. {@code deals/update}, for errors and logs
 * @param method      the HTTP method
 * @param path        the path under the base URL, its parameters already percent-encoded
 * @param query       the query parameters, not encoded, in the order they are sent
 * @param body        the request body, or null
 * @param contentType the content type of the body, or null
 */
public record ActiveCampaignRequest(String operation, String method, String path, Map<String, List<String>> query,
                                    String body, String contentType) {

    public ActiveCampaignRequest {
        query = query.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** The same request with these query parameters set (replacing any of the same name). */
    public ActiveCampaignRequest withQuery(Map<String, List<String>> changes) {
        Map<String, List<String>> next = new LinkedHashMap<>(query);
        next.putAll(changes);
        return new ActiveCampaignRequest(operation, method, path, next, body, contentType);
    }

    /** The first value of a query parameter, or null. */
    public String queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The path and the encoded query, appended to the base URL by the client. */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder uri = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            for (String value : entry.getValue()) {
                uri.append(separator).append(encode(entry.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return uri.toString();
    }

    /** Percent-encodes a path segment or query part: only unreserved characters stay as they are. */
    public static String encode(String value) {
        if (isUnreserved(value)) {
            return value; // ids, numbers, plain names: nothing to encode
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static boolean isUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                  || c == '.' || c == '~')) {
                return false;
            }
        }
        return true;
    }
}
