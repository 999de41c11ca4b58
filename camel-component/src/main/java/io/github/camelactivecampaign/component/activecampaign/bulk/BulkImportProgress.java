// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where a bulk import stands after a batch: what a progress log line says, and what the bulkProgressEndpoint
 * receives.
 *
 * @param batches           calls the service accepted so far
 * @param sent              contacts sent in those calls
 * @param accepted          contacts the service queued
 * @param failed            contacts refused so far (by the service, or before sending)
 * @param total             the contacts of the input when known (a collection, or the CamelActiveCampaignBulkTotal
 *                          header), else -1
 * @param elapsed           time since the import started
 * @param contactsPerMinute contacts sent per minute since the start
 * @param eta               the time left at this rate, or null when the total is unknown
 */
public record BulkImportProgress(long batches, long sent, long accepted, long failed, long total, Duration elapsed,
                                 double contactsPerMinute, Duration eta) implements Serializable {

    /** Contacts dealt with: sent or refused. */
    public long processed() {
        return sent + failed;
    }

    @Override
    public String toString() {
        return "batch " + batches + ": " + sent + (total >= 0 ? "/" + total : "") + " sent, " + accepted
               + " accepted, " + failed + " failed, " + Math.round(contactsPerMinute) + " contacts/min"
               + (eta == null ? "" : ", ETA " + format(eta));
    }

    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
