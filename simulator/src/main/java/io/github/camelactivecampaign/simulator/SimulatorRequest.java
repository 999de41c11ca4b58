// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A request to an API operation, parsed. */
record SimulatorRequest(SimulatorOperation operation, Map<String, String> pathParams,
                        Map<String, List<String>> query, JsonNode json) {

    String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String pathParam(int index) {
        return pathParams.values().stream().skip(index).findFirst().orElse(null);
    }
}
