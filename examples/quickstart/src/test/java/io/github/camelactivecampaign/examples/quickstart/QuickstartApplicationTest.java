// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportFailure;
import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportSummary;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the quickstart as a user would without an account (against the embedded simulator) and checks what it did,
 * both in its summary and in the simulated account.
 */
class QuickstartApplicationTest {

    @Test
    void syncsTagsOpensDealsTracksEventsPagesThroughContactsImportsInBulkAndReceivesWebhooks() throws Exception {
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.start()) {
            simulator.seed("{\"contacts\": [{\"email\": \"someone.else@example.com\"}]}");
            QuickstartSummary summary = QuickstartApplication.run(Map.of(), simulator, false);

            assertThat(summary.done().getCount()).as("the routes finished").isZero();
            assertThat(summary.synced()).isEqualTo(3);
            assertThat(summary.tagged()).isEqualTo(3);
            assertThat(summary.deals()).isEqualTo(2);
            assertThat(summary.notes()).isEqualTo(2);
            assertThat(summary.events()).isEqualTo(3);
            assertThat(summary.listed()).as("only the tagged contacts, over two pages")
                    .containsExactly("ada@example.com", "alan@example.com", "grace@example.com");
            assertThat(summary.activities()).as("syncs, tags, deals and notes, each polled once").isEqualTo(10);
            assertThat(summary.render("simulator")).contains("contacts synced (contacts/sync)          : 3")
                    .contains("activities polled (activities consumer)  : 10");

            BulkImportSummary imported = summary.imported();
            assertThat(imported.sent()).as("300 rows and one the service rejects while importing").isEqualTo(301);
            assertThat(imported.batches()).isEqualTo(2);
            assertThat(imported.completed()).isTrue();
            assertThat(imported.failures()).extracting(BulkImportFailure::email)
                    .containsExactlyInAnyOrder("not-an-email", "invalid.email@invalidDomain");
            assertThat(summary.webhooksByType()).as("what the onboarding pushed to the webhook route")
                    .containsEntry("contact_tag_added", 3).containsEntry("deal_add", 2).containsEntry("deal_note_add", 2);
            assertThat(summary.render("simulator"))
                    .contains("contacts imported in bulk (import/bulkImport): 301 sent in 2 batches, 301 accepted, 2 failed")
                    .contains("webhook deliveries (activecampaign:webhook): 7 {contact_tag_added=3, deal_add=2, deal_note_add=2}");
            // the webhook was removed when the routes stopped
            assertThat(simulator.records("webhooks")).isEmpty();

            assertThat(simulator.records("contacts")).hasSize(4 + 300);
            assertThat(simulator.records("tags")).extracting(t -> t.get("tag"))
                    .containsExactly(QuickstartRoutes.TAG, "imported");
            assertThat(simulator.records("deals")).extracting(d -> d.get("title"))
                    .containsExactly("Onboarding ada@example.com", "Onboarding grace@example.com");
            assertThat(simulator.records("notes")).allSatisfy(n -> assertThat(n.get("reltype")).isEqualTo("Deal"));
            assertThat(simulator.records("trackingLogs")).hasSize(3);
            // both sides hold 5 requests/second; a 429 caused by jitter is retried after Retry-After, never seen
            // by the routes (the counts above)
            assertThat(simulator.journal().stream().filter(r -> r.status() == 429).count()).isLessThanOrEqualTo(2);
        }
    }
}
