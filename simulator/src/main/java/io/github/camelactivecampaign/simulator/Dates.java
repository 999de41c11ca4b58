// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The date styles the service writes, and reading any of them back. Filters and sorts compare the same few
 * timestamps over and over, so parsed values are cached by their text.
 */
final class Dates {

    /** How a date field is written: the style the reference's example of that field uses. */
    enum Style {
        /** {@code 2019-09-06T11:29:48-05:00}: most fields. */
        OFFSET,
        /** {@code 2019-11-22 14:15:37}, in the account's zone: edate, created_timestamp, ... */
        PLAIN,
        /** {@code 2019-11-22}. */
        DAY,
        /** {@code 2021-10-04T20:08:09Z}: custom objects. */
        UTC
    }

    private static final DateTimeFormatter PLAIN_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int CACHE_LIMIT = 200_000;
    private static final Map<String, Instant> PARSED = new ConcurrentHashMap<>();

    private Dates() {
    }

    /** The style of an example value, or null when it is not a date (or the service's "never", 0000-00-00). */
    static Style styleOf(String text) {
        if (text == null || text.length() < 10 || text.startsWith("0000") || !isDay(text)) {
            return null;
        }
        if (text.length() == 10) {
            return Style.DAY;
        }
        if (text.charAt(10) == ' ') {
            return Style.PLAIN;
        }
        if (text.charAt(10) != 'T') {
            return null;
        }
        return text.endsWith("Z") ? Style.UTC : Style.OFFSET;
    }

    private static boolean isDay(String text) {
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            boolean dash = i == 4 || i == 7;
            if (dash ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String format(Instant instant, Style style, ZoneId zone) {
        return switch (style) {
            case OFFSET -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone));
            case PLAIN -> PLAIN_FORMAT.format(LocalDateTime.ofInstant(instant, zone));
            case DAY -> LocalDate.ofInstant(instant, zone).toString();
            case UTC -> DateTimeFormatter.ISO_INSTANT.format(instant);
        };
    }

    /**
     * Reads a date in any of the service's styles; a date or a time without offset is in the account's zone. Text
     * that is not a date reads as the epoch, so that it sorts first and matches no "after" filter.
     */
    static Instant parse(String text, ZoneId zone) {
        if (text == null || text.isEmpty()) {
            return Instant.EPOCH;
        }
        Style style = styleOf(text);
        if (style == null) {
            return Instant.EPOCH;
        }
        // a date without offset means another instant in another account's zone
        String key = style == Style.PLAIN || style == Style.DAY ? zone.getId() + '|' + text : text;
        Instant cached = PARSED.get(key);
        if (cached != null) {
            return cached;
        }
        Instant instant = parse(text, style, zone);
        if (PARSED.size() >= CACHE_LIMIT) {
            PARSED.clear();
        }
        PARSED.put(key, instant);
        return instant;
    }

    /**
     * A date filter's bound, compared with record dates as fast as a scan of a large account needs: a date written
     * with an offset is compared as text against the bound written at that same offset (no parsing), any other
     * through {@link #parse(String, ZoneId)}.
     */
    static final class Bound {

        private static final int OFFSET_LENGTH = "2024-03-01T12:00:00-06:00".length();

        private final Instant instant;
        private final ZoneId zone;
        private String offset = "";
        private String local = "";

        Bound(Instant instant, ZoneId zone) {
            this.instant = instant;
            this.zone = zone;
        }

        /** Negative when the date is before the bound, 0 at it, positive after. */
        int compare(String date) {
            if (date.length() == OFFSET_LENGTH && date.charAt(10) == 'T' && date.charAt(19) != 'Z') {
                if (!date.regionMatches(19, offset, 0, 6)) {
                    offset = date.substring(19);
                    local = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(
                            java.time.ZoneOffset.of(offset))).substring(0, 19);
                }
                for (int i = 0; i < 19; i++) {
                    int difference = date.charAt(i) - local.charAt(i);
                    if (difference != 0) {
                        return difference;
                    }
                }
                return 0;
            }
            return parse(date, zone).compareTo(instant);
        }
    }

    private static Instant parse(String text, Style style, ZoneId zone) {
        try {
            return switch (style) {
                case OFFSET, UTC -> OffsetDateTime.parse(text).toInstant();
                case PLAIN -> LocalDateTime.parse(text, PLAIN_FORMAT).atZone(zone).toInstant();
                case DAY -> LocalDate.parse(text).atStartOfDay(zone).toInstant();
            };
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
