// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the quickstart as a user would without an account (against its local stub) and checks what it did.
 */
class QuickstartApplicationTest {

    @Test
    void syncsContactsOpensDealsTracksEventsAndPagesThroughContacts() throws Exception {
        QuickstartSummary summary = QuickstartApplication.run(Map.of());
        assertThat(summary.done().getCount()).as("the routes finished").isZero();
        assertThat(summary.synced()).isEqualTo(3);
        assertThat(summary.deals()).isEqualTo(2);
        assertThat(summary.notes()).isEqualTo(2);
        assertThat(summary.events()).isEqualTo(3);
        assertThat(summary.listed()).containsExactly("ada@example.com", "alan@example.com", "grace@example.com");
        assertThat(summary.render("stub")).contains("contacts synced (contacts/sync)          : 3");
    }
}
