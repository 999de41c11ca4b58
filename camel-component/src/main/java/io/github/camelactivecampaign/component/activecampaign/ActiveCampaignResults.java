// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;

/**
 * Reads what a parsed response holds: the records of a page, {@code meta.total}, and the result converted to the
 * endpoint's {@code outputClass}.
 */
final class ActiveCampaignResults {

    private ActiveCampaignResults() {
    }

    /** The records of a list response, empty when there are none. */
    static List<?> records(ActiveCampaignOperation operation, Object response) {
        if (response instanceof Map<?, ?> map && map.get(operation.resultKey()) instanceof List<?> list) {
            return list;
        }
        return response instanceof List<?> list ? list : List.of();
    }

    /** meta.total, a string or a number depending on the endpoint; null when absent or not a number. */
    static Long total(Object response) {
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
    static Object convert(ObjectMapper mapper, ActiveCampaignOperation operation, Object response, Class<?> type) {
        if (type == null || response == null || type.isInstance(response)) {
            return response;
        }
        if (operation.list()) {
            return records(operation, response).stream().map(r -> convertOne(mapper, r, type)).toList();
        }
        Object result = response;
        if (response instanceof Map<?, ?> map && operation.resultKey() != null && map.containsKey(operation.resultKey())) {
            result = map.get(operation.resultKey());
        }
        return convertOne(mapper, result, type);
    }

    static Object convertOne(ObjectMapper mapper, Object value, Class<?> type) {
        if (type == null || value == null || type.isInstance(value)) {
            return value;
        }
        try {
            return mapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new ActiveCampaignException("Cannot convert the result to " + type.getName() + ": "
                                              + e.getMessage(), null, e);
        }
    }
}
