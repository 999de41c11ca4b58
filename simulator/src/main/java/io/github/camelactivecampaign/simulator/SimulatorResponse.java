// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the simulator answers: a status, a JSON body and extra headers. */
record SimulatorResponse(int status, JsonNode body, Map<String, String> headers) {

    static SimulatorResponse of(int status, JsonNode body) {
        return new SimulatorResponse(status, body, Map.of());
    }
}
