// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A request to an API operation, parsed; {@code bodyBytes} is the size of the body as sent. */
record SimulatorRequest(SimulatorOperation operation, Map<String, String> pathParams,
                        Map<String, List<String>> query, JsonNode json, int bodyBytes) {

    String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> queryValues(String name) {
        return query.getOrDefault(name, List.of());
    }

    String pathParam(int index) {
        return pathParams.values().stream().skip(index).findFirst().orElse(null);
    }
}
