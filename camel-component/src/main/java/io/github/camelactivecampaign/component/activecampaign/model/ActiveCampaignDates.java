// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the dates ActiveCampaign writes: ISO-8601 with an offset ({@code 2024-05-02T11:58:33-05:00}), a date-time
 * without zone in the account's time zone ({@code 2024-05-02 11:58:33}), a bare date, and "no date"
 * ({@code 0000-00-00 00:00:00}, empty, null).
 */
public final class ActiveCampaignDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private ActiveCampaignDates() {
    }

    /**
     * The instant, or null for "no date".
     *
     * @throws DateTimeParseException for text that is none of the forms above
     */
    public static Instant parse(String text, ZoneId accountZone) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.isEmpty() || value.startsWith("0000-00-00")) {
            return null;
        }
        if (value.length() > 10 && (value.charAt(10) == 'T' || value.charAt(10) == ' ')) {
            String iso = value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11) : value;
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(iso).atZone(accountZone).toInstant();
            }
        }
        return LocalDate.parse(value, DAY).atStartOfDay(accountZone).toInstant();
    }

    /**
     * The value for the coarse {@code after}/{@code filters[updated_after]} filters: the day before the instant's
     * day. The service reads them as a day in its own time zone, whatever is configured here; starting a day
     * earlier means no zone can hide a record, and the consumer removes the overlap against its cursor.
     */
    public static String filterDay(Instant instant, ZoneId accountZone) {
        return DAY.format(instant.atZone(accountZone).toLocalDate().minusDays(1));
    }
}
