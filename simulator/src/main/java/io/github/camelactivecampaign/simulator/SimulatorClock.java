// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The simulator's notion of now, in the account's time zone. It follows the system clock until a test sets or
 * advances it, so that time-based filters can be tested without sleeping.
 */
public final class SimulatorClock {

    /** ActiveCampaign writes dates as ISO-8601 with the account's offset, to the second. */
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;
    private Duration offset = Duration.ZERO;
    private Instant frozen;

    SimulatorClock(ZoneId zone) {
        this.zone = zone;
    }

    public synchronized Instant now() {
        Instant base = frozen != null ? frozen : Instant.now();
        return base.plus(offset).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Stops the clock at this instant; it moves only when advanced. */
    public synchronized void set(Instant instant) {
        frozen = instant;
        offset = Duration.ZERO;
    }

    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Back to the system clock. */
    public synchronized void reset() {
        frozen = null;
        offset = Duration.ZERO;
    }

    public ZoneId zone() {
        return zone;
    }

    String timestamp() {
        return FORMAT.format(OffsetDateTime.ofInstant(now(), zone));
    }
}
