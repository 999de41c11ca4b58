// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import org.apache.camel.RuntimeCamelException;

/**
 * Waits for the batches of an import to complete: {@code GET /import/info?batchId=} for each, oldest first (they
 * complete in order), within bulkCompletionTimeout, and collects the emails the service rejected while importing.
 * Costs at least one call per batch of the account's rate limit.
 */
final class BulkImportCompletion {

    static final String OPERATION = "import/info";

    /** What the wait found: the emails rejected while importing, and the batches still not complete. */
    record Outcome(List<String> rejected, int incomplete) {
    }

    private final BulkImportContext context;

    BulkImportCompletion(BulkImportContext context) {
        this.context = context;
    }

    Outcome await(List<String> batchIds) {
        ActiveCampaignBulkImportConfiguration configuration = context.configuration();
        long deadline = System.nanoTime() + configuration.getBulkCompletionTimeout() * 1_000_000;
        List<String> rejected = new ArrayList<>();
        int done = 0;
        for (String batchId : batchIds) {
            JsonNode info = info(batchId);
            while (!"completed".equals(info.path("status").asText())) {
                if (System.nanoTime() + configuration.getBulkPollInterval() * 1_000_000 > deadline) {
                    return new Outcome(rejected, batchIds.size() - done);
                }
                sleep(configuration.getBulkPollInterval());
                info = info(batchId);
            }
            for (JsonNode email : info.path("failure")) {
                rejected.add(email.asText());
            }
            done++;
        }
        return new Outcome(rejected, 0);
    }

    private JsonNode info(String batchId) {
        ActiveCampaignResponse response = context.endpoint().send(new ActiveCampaignRequest(OPERATION, "GET",
                "/import/info", Map.of("batchId", List.of(batchId)), null, null));
        Object body = context.endpoint().getResponseReader().body(OPERATION, response);
        return context.mapper().valueToTree(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted while waiting for the bulk import to complete", e);
        }
    }
}
