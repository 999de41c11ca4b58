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
 * catalog says integer, page limits, dates of date filters, ids that name one record, plain text (no line break,
 * control character or unpaired surrogate, which could not be sent as they are). The consumer applies the same rules
 * to its options at route start.
 */
public final class ActiveCampaignParameterValues {

    /** Values quoted in messages are cut to this many characters. */
    private static final int SHOWN = 64;

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
            throw new IllegalArgumentException(operation.name() + ": offset must be 0 or more, was "
                                               + shown(values.get(0)));
        } else if (parameter.isInteger()) {
            integer(parameter, values.get(0));
        } else if (isDateFilter(parameter.name())) {
            for (String date : values) {
                try {
                    ActiveCampaignDates.parse(date, ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(operation.name() + ": " + parameter.name() + " must be a date "
                                                       + "(2024-01-31), a date-time (2024-01-31 13:45:00) or an "
                                                       + "ISO-8601 instant, was '" + shown(date) + "'");
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
                                               + " must be a whole number, was '" + shown(value) + "'");
        }
    }

    /**
     * Checks an option's value as written on the URI, before it is bound to its typed field: a text that is no
     * whole number would otherwise reach the request as 0.
     */
    public void checkUriOption(ActiveCampaignParameter parameter, Object value) {
        if (parameter.isInteger() && value instanceof String text) {
            if (!isInteger(text.strip())) {
                integer(parameter, text);
            }
            try {
                Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(operation.name() + ": " + parameter.option() + " is larger than an "
                                                   + "endpoint option holds (" + Integer.MAX_VALUE + "), was '"
                                                   + shown(text) + "'; give it in the header " + parameter.header());
            }
        }
    }

    /** The value of a path parameter: one record's id, never empty, {@code .} or {@code ..}; numeric if integer. */
    String pathValue(ActiveCampaignParameter parameter, Object value) {
        return pathValue("path parameter " + parameter.option(), parameter.isInteger(), value);
    }

    /**
     * The value of an id that goes into a path, checked: {@code what} names it in messages (the consumer's
     * {@code contactId}).
     */
    public String pathValue(String what, boolean integer, Object value) {
        String text = checked(what, value.toString()).strip();
        if (text.isEmpty() || ".".equals(text) || "..".equals(text)) {
            throw new IllegalArgumentException(operation.name() + ": " + what + " is '" + text + "', which names no "
                                               + "record; give the record's id, e.g. " + operation.exampleUri());
        }
        if (integer) {
            if (!isInteger(text)) {
                throw new IllegalArgumentException(operation.name() + ": " + what + " must be a whole number "
                                                   + "(ActiveCampaign ids are numeric), was '" + shown(text) + "'");
            }
            try {
                Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(operation.name() + ": " + what + " is " + text.length()
                                                   + " digits long, larger than any ActiveCampaign id (a 64-bit "
                                                   + "number)");
            }
        }
        return text;
    }

    String single(ActiveCampaignParameter parameter, Object value) {
        return checked(parameter.option(), value.toString());
    }

    /** The value itself, when it can be sent as it is: a single line of text without control characters. */
    String checked(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException(operation.name() + ": " + name + " contains a line break (CR or "
                                                   + "LF); remove it: parameter values are single-line");
            }
            if (Character.isISOControl(c) && c != '\t') {
                throw new IllegalArgumentException(operation.name() + ": " + name + " contains the control "
                                                   + "character U+" + String.format("%04X", (int) c) + " at position "
                                                   + i + "; remove it: parameter values are plain text");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                                 && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException(operation.name() + ": " + name + " contains an unpaired "
                                                       + "UTF-16 surrogate at position " + i + ", which cannot be "
                                                       + "encoded; fix the text");
                }
                i++;
            }
        }
        return value;
    }

    /** A value as quoted in a message: cut when long. */
    static String shown(String value) {
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "... (" + value.length() + " characters)";
    }

    /** Whether the text is a whole number, optionally negative (no regular expression per request). */
    static boolean isInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
