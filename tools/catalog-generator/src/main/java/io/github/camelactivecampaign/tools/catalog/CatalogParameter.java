// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

/**
 * One path or query parameter of an operation.
 *
 * @param name        the name on the wire, e.g. {@code filters[updated_after]}
 * @param option      the Camel option name, a Java identifier, e.g. {@code filtersUpdatedAfter}
 * @param type        {@code integer}, {@code number}, {@code boolean}, {@code string} or {@code array}
 * @param required    whether the operation cannot be sent without it
 * @param description our own short description
 */
public record CatalogParameter(String name, String option, String type, boolean required, String description) {

    /** The header that carries this parameter: {@code CamelActiveCampaign} + the option, capitalised. */
    public String header() {
        return "CamelActiveCampaign" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }
}
