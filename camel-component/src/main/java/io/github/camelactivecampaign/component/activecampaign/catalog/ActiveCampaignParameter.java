// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.catalog;

/**
 * A path or query parameter of an operation, as operations.json describes it.
 *
 * @param name     the name on the wire, e.g. {@code filters[updated_after]}
 * @param option   the endpoint option, e.g. {@code filtersUpdatedAfter}
 * @param header   the header that overrides the option, e.g. {@code CamelActiveCampaignFiltersUpdatedAfter}
 * @param type     {@code integer}, {@code number}, {@code boolean}, {@code string} or {@code array}
 * @param required whether the operation cannot be sent without it
 */
public record ActiveCampaignParameter(String name, String option, String header, String type, boolean required) {

    public boolean isInteger() {
        return "integer".equals(type);
    }

    public boolean isArray() {
        return "array".equals(type);
    }
}
