// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values the service fills in on a create: a group member sent without a position goes last; a custom object
 * schema's own fields and relationships are not inherited, and a relationship holds one record unless told.
 */
final class ServiceDefaults {

    private ServiceDefaults() {
    }

    static void apply(SimulatorStore store, String collection, ObjectNode fields) {
        if ("groupMembers".equals(collection) && fields.path("ordernum").isNull()) {
            fields.put("ordernum", store.collection(collection).size() + 1);
        }
        if (CustomObjectOperations.SCHEMAS.equals(collection)) {
            for (JsonNode field : fields.path("fields")) {
                if (field.isObject() && !field.has("inherited")) {
                    ((ObjectNode) field).put("inherited", false);
                }
            }
            for (JsonNode relationship : fields.path("relationships")) {
                if (relationship.isObject()) {
                    ObjectNode entry = (ObjectNode) relationship;
                    if (!entry.has("inherited")) {
                        entry.put("inherited", false);
                    }
                    if (!entry.has("hasMany")) {
                        entry.put("hasMany", false);
                    }
                }
            }
        }
    }
}
