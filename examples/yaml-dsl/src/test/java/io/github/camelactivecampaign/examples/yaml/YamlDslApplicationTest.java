// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.yaml;

import java.util.Map;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the YAML routes against the simulator, as a user does without an account, and checks the records they left
 * in the account and the summary the example ends with.
 */
class YamlDslApplicationTest {

    @Test
    void yamlRoutesSyncContactsOpenDealsAndFinishWithTheSummary() throws Exception {
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.start()) {
            simulator.seed("{\"contacts\": [{\"email\": \"someone@elsewhere.org\"}]}");

            YamlDslSummary summary = YamlDslApplication.run(Map.of(), simulator);

            assertThat(simulator.records("contacts")).extracting(c -> c.get("email"))
                    .containsExactly("someone@elsewhere.org", "ada@example.com", "alan@example.com",
                            "grace@example.com");
            assertThat(simulator.records("deals")).extracting(d -> d.get("title"))
                    .containsExactly("Onboarding ada@example.com", "Onboarding alan@example.com",
                            "Onboarding grace@example.com");
            assertThat(simulator.records("deals")).extracting(d -> d.get("contact")).containsExactly("2", "3", "4");
            assertThat(simulator.journal("contacts/list")).as("three contacts, two a page").hasSize(2);
            assertThat(summary.render("the simulator"))
                    .contains("contacts synced (contacts/sync)          : 3")
                    .contains("deals opened (deals/create)              : 3")
                    .contains("contacts listed (2 a page)               : 3 "
                              + "[ada@example.com, alan@example.com, grace@example.com]");
        }
    }
}
