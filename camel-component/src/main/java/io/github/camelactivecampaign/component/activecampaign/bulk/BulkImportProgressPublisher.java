// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells how an import goes: a log line after each batch and at the end, and the same as a message to the
 * bulkProgressEndpoint when one is set (a failing progress endpoint is logged, never fails the import).
 */
final class BulkImportProgressPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(BulkImportProgressPublisher.class);

    private final boolean log;
    private final ProducerTemplate template;
    private final String endpointUri;

    /**
     * @param template    sends to the progress endpoint, or null without one
     * @param endpointUri the progress endpoint, or null
     */
    BulkImportProgressPublisher(boolean log, ProducerTemplate template, String endpointUri) {
        this.log = log;
        this.template = template;
        this.endpointUri = endpointUri;
    }

    void progress(BulkImportProgress progress) {
        if (log) {
            LOG.info("ActiveCampaign bulk import {}", progress);
        }
        publish(progress);
    }

    void finished(BulkImportSummary summary) {
        if (log) {
            LOG.info("ActiveCampaign {}", summary);
        }
        publish(summary);
    }

    private void publish(Object body) {
        if (template == null) {
            return;
        }
        try {
            template.sendBody(endpointUri, body);
        } catch (RuntimeException e) {
            LOG.warn("The bulk import's progress could not be sent to {}: {}", endpointUri, e.getMessage());
        }
    }
}
