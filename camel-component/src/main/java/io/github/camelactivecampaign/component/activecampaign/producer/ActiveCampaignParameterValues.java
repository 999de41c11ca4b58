// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import io.github.camelactivecampaign.component.activecampaign.model.ActiveCampaignDates;

/**
 * Checks and formats the values of an operation's parameters before anything is sent: whole numbers where the
 * catalog says integer, page limits, dates of date filters, single-line values. The consumer applies the same rules
 * to its options at route start.
 */
public final class ActiveCampaignParameterValues {

    private final ActiveCampaignOperation operation;
    /** paginate=true on a list: limit caps the records of all pages, so it is not bounded by one page. */
    private final boolean paging;

    public ActiveCampaignParameterValues(ActiveCampaignOperation operation) {
        this(operation, false);
    }

    public ActiveCampaignParameterValues(ActiveCampaignOperation operation, boolean paging) {
        this.operation = operation;
        this.paging = paging;
    }

    /** The values to send for a query parameter, validated. */
    List<String> queryValues(ActiveCampaignParameter parameter, Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> || value instanceof Object[]) {
            Collection<?> items = value instanceof Object[] array ? List.of(array) : (Collection<?>) value;
            items.forEach(item -> values.add(checked(parameter.name(), String.valueOf(item))));
        } else if (parameter.isArray()) {
            for (String item : value.toString().split(",")) {
                values.add(checked(parameter.name(), item.strip()));
            }
        } else {
            values.add(single(parameter, value));
        }
        if (!parameter.isArray() && values.size() > 1) {
            StringJoiner joined = new StringJoiner(",");
            values.forEach(joined::add);
            return List.of(joined.toString());
        }
        if ("limit".equals(parameter.name())) {
            int limit = integer(parameter, values.get(0));
            if (paging && limit < 1) {
                throw new IllegalArgumentException(operation.name() + ": limit must be 1 or more, was " + limit
                                                   + "; with paginate=true it caps the records read over all pages "
                                                   + "(pageSize sets the size of each page)");
            }
            if (!paging && (limit < 1 || limit > 100)) {
                throw new IllegalArgumentException(operation.name() + ": limit must be between 1 and 100 "
                                                   + "(ActiveCampaign's largest page), was " + limit
                                                   + "; use paginate=true to read more records");
            }
        } else if ("offset".equals(parameter.name()) && integer(parameter, values.get(0)) < 0) {
            throw new IllegalArgumentException(operation.name() + ": offset must be 0 or more, was " + values.get(0));
        } else if (parameter.isInteger()) {
            integer(parameter, values.get(0));
        } else if (isDateFilter(parameter.name())) {
            for (String date : values) {
                try {
                    ActiveCampaignDates.parse(date, ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(operation.name() + ": " + parameter.name() + " must be a date "
                                                       + "(2024-01-31), a date-time (2024-01-31 13:45:00) or an "
                                                       + "ISO-8601 instant, was '" + date + "'");
                }
            }
        }
        return values;
    }

    /** filters[created_after], filters[updated_before], after, ... take dates. */
    private static boolean isDateFilter(String name) {
        return name.endsWith("_after]") || name.endsWith("_before]") || "after".equals(name)
               || "before".equals(name);
    }

    private int integer(ActiveCampaignParameter parameter, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(operation.name() + ": " + parameter.option()
                                               + " must be a whole number, was '" + value + "'");
        }
    }

    String single(ActiveCampaignParameter parameter, Object value) {
        return checked(parameter.option(), value.toString());
    }

    String checked(String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(operation.name() + ": " + name + " contains a line break (CR or LF); "
                                               + "remove it: parameter values are single-line");
        }
        return value;
    }
}
