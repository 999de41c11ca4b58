// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * How the reference's example answers one operation.
 *
 * @param status       the success status it documents (201 for most creates, 200 for some)
 * @param primaryArray whether the record comes back in an array even though one was written (POST /fields)
 * @param kinds        per envelope key (the record's, a companion's), the fields this operation types differently
 *                     from the collection's reads (a deal created with {@code "value": 45600} answers a number;
 *                     reading it back gives a string)
 * @param sideloads    the companion arrays beside the record, named after their collection ({@code contacts},
 *                     {@code dealStages})
 * @param meta         the example's {@code meta} object, or null when the answer has none
 */
record OperationShape(int status, boolean primaryArray, Map<String, Map<String, JsonNodeType>> kinds, List<String> sideloads,
                      JsonNode meta) {

    /** The type overrides of the records under this envelope key. */
    Map<String, JsonNodeType> kinds(String key) {
        return kinds.getOrDefault(key, Map.of());
    }
}
