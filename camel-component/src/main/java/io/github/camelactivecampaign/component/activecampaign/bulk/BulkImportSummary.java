// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a bulk import: the body of the message that ran it (or that ended it, for contacts fed one per
 * message).
 *
 * @param batches            calls the service accepted
 * @param sent               contacts sent in those calls
 * @param accepted           contacts the service queued
 * @param failed             contacts not imported: refused before or when sending, and (when waited for) rejected
 *                           while importing
 * @param failures           the failed contacts with their reason, the first bulkMaxFailuresKept of them
 * @param batchIds           the service's ids of the accepted batches, for GET /import/info
 * @param completed          whether every batch was seen complete (only when waited for)
 * @param incompleteBatches  batches not complete when the wait ended (only when waited for)
 * @param rateLimitRefusals  calls the service refused for its bulk call limit (another client used the budget);
 *                           each was sent again after a pause
 * @param elapsed            time from the first contact to the end (the wait included)
 * @param contactsPerMinute  contacts sent per minute while sending
 */
public record BulkImportSummary(long batches, long sent, long accepted, long failed, List<BulkImportFailure> failures,
                                List<String> batchIds, boolean completed, int incompleteBatches,
                                long rateLimitRefusals, Duration elapsed, double contactsPerMinute)
        implements Serializable {

    @Override
    public String toString() {
        return "bulk import: " + batches + " batches, " + sent + " sent, " + accepted + " accepted, " + failed
               + " failed" + (completed ? ", completed" : incompleteBatches > 0 ? ", " + incompleteBatches
                                                                                   + " batches not complete" : "")
               + " in " + BulkImportProgress.format(elapsed) + " (" + Math.round(contactsPerMinute)
               + " contacts/min)";
    }
}
