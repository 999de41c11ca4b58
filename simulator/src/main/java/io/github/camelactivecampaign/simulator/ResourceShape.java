// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * The fields a record of one collection carries, in the order the service writes them, and which of them hold its
 * creation and last update dates.
 */
record ResourceShape(String collection, Map<String, FieldShape> fields, String createdField, String updatedField) {

    private static final List<String> CREATED = List.of("cdate", "createdTimestamp", "created_timestamp",
            "created_utc_timestamp", "createdDate", "tstamp", "adddate", "sdate");
    private static final List<String> UPDATED = List.of("udate", "mdate", "updatedTimestamp", "updated_timestamp",
            "updated_utc_timestamp", "updatedDate");

    /** A collection the reference shows no example of: records carry cdate and udate (deals mdate). */
    static ResourceShape unknown(String collection) {
        return new ResourceShape(collection, Map.of(), "cdate", "deals".equals(collection) ? "mdate" : "udate");
    }

    static ResourceShape of(String collection, Map<String, FieldShape> fields) {
        return new ResourceShape(collection, Collections.unmodifiableMap(new LinkedHashMap<>(fields)), firstDate(fields, CREATED),
                firstDate(fields, UPDATED));
    }

    private static String firstDate(Map<String, FieldShape> fields, List<String> names) {
        for (String name : names) {
            FieldShape field = fields.get(name);
            if (field != null && field.date() != null) {
                return name;
            }
        }
        return null;
    }

    /** The JSON type the service gives this field, or null when the reference does not say. */
    JsonNodeType kind(String field) {
        FieldShape shape = fields.get(field);
        return shape == null ? null : shape.kind();
    }
}
