// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * One field of a resource as the reference's examples show it: the JSON type the service gives it, and the value a
 * record has when no request set it.
 *
 * @param name       the field name
 * @param kind       the JSON type of the field's non-null example values; null when the examples only show null
 * @param neutral    the value of a record nobody set this field on: "0" for a numeric string, "" for text, 0, false,
 *                   null, [] or an object of such values
 * @param date       the date style when the field is a date (it then defaults to the record's creation time)
 * @param links      the sub-resource names when the field is the record's {@code links} object, else null
 * @param hashLength the length of the hex digest when the field is the record's {@code hash}, else 0
 */
record FieldShape(String name, JsonNodeType kind, JsonNode neutral, Dates.Style date, List<String> links,
                  int hashLength) {
}
