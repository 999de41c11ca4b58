// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;

/**
 * One resolved call of an operation: the filled, encoded path, the query and the body, ready to become a request.
 * The pager derives the calls for further pages from the first.
 */
record ActiveCampaignCall(ActiveCampaignOperation operation, String encodedPath, Map<String, List<String>> query,
                          String body, String contentType) {

    ActiveCampaignCall withQuery(Map<String, List<String>> changes) {
        Map<String, List<String>> next = new LinkedHashMap<>(query);
        next.putAll(changes);
        return new ActiveCampaignCall(operation, encodedPath, next, body, contentType);
    }

    ActiveCampaignRequest toRequest(String base) {
        StringBuilder uri = new StringBuilder(base).append(encodedPath);
        char separator = '?';
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            for (String value : entry.getValue()) {
                uri.append(separator).append(encode(entry.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return new ActiveCampaignRequest(operation.name(), operation.method(), URI.create(uri.toString()), body,
                contentType, !operation.isTracking());
    }

    /** Percent-encodes a path segment or query part: only unreserved characters stay as they are. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
