// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.util.Map;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the quickstart as a user would without an account (against the embedded simulator) and checks what it did,
 * both in its summary and in the simulated account.
 */
class QuickstartApplicationTest {

    @Test
    void syncsTagsOpensDealsTracksEventsAndPagesThroughContacts() throws Exception {
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

            assertThat(simulator.records("contacts")).hasSize(4);
            assertThat(simulator.records("tags")).singleElement().satisfies(t -> assertThat(t.get("tag"))
                    .isEqualTo(QuickstartRoutes.TAG));
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
