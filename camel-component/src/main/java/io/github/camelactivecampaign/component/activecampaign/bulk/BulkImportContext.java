// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;

/**
 * What the imports of one producer share: the endpoint that sends, the options, the account's bulk call limiter,
 * the contact converter, where progress goes and the threads that send batches.
 */
record BulkImportContext(ActiveCampaignEndpoint endpoint, ActiveCampaignBulkImportConfiguration configuration,
                         BulkImportLimiter limiter, BulkContactConverter converter, BulkImportProgressPublisher publisher,
                         Executor sender) {

    ObjectMapper mapper() {
        return endpoint.getObjectMapper();
    }

    void progress(BulkImportProgress progress) {
        publisher.progress(progress);
    }

    void finished(BulkImportSummary summary) {
        publisher.finished(summary);
    }
}
