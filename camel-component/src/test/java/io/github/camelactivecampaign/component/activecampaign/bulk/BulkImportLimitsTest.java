// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.time.Duration;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk import's own call limits, scaled down to 3 multi-contact and 2 single-contact calls a second: the
 * producer keeps within them, and gets through when another client took the budget.
 */
class BulkImportLimitsTest extends BulkImportTestSupport {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign = new ActiveCampaignSimulatorExtension(
            ActiveCampaignSimulator.builder().rateLimit(0).bulkImportLimits(3, 2, Duration.ofSeconds(1)));

    @Override
    protected ActiveCampaignSimulator simulator() {
        return activeCampaign.simulator();
    }

    @Test
    void staysWithinTheCallLimitsWithoutARefusal() throws Exception {
        BulkImportSummary summary = template.requestBody("activecampaign:import/bulkImport?bulkBatchSize=10"
                                                         + "&bulkCallsPerWindow=3&bulkSingleCallsPerWindow=2"
                                                         + "&bulkWindow=1000", contacts(71, "within"),
                BulkImportSummary.class);

        assertThat(summary.sent()).isEqualTo(71);
        assertThat(summary.rateLimitRefusals()).isZero();
        assertThat(simulator().bulkImportRefusals()).isZero();
        // 7 calls of 10 and the last one of 1, which counts against the single-contact limit
        assertThat(acceptedBatchSizes()).containsExactlyInAnyOrder(10, 10, 10, 10, 10, 10, 10, 1);
        assertThat(importCalls()).extracting(RecordedRequest::status).containsOnly(200);
    }

    @Test
    void pausesAndResendsWhenTheServiceRefusesForItsCallLimit() throws Exception {
        // the producer believes the account allows 100 calls a second: the service refuses the 4th
        BulkImportSummary summary = template.requestBody("activecampaign:import/bulkImport?bulkBatchSize=10"
                                                         + "&bulkCallsPerWindow=100&bulkWindow=1000",
                contacts(50, "over"), BulkImportSummary.class);

        assertThat(summary.sent()).isEqualTo(50);
        assertThat(summary.batches()).isEqualTo(5);
        assertThat(summary.rateLimitRefusals()).isPositive().isEqualTo(simulator().bulkImportRefusals());
        assertThat(simulator().records("importBatches")).hasSize(5);
    }
}
