// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.yaml;

import java.util.Map;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the YAML routes against the simulator and checks the records they left in the account.
 */
class YamlDslApplicationTest {

    @Test
    void yamlRoutesSyncContactsAndOpenDeals() throws Exception {
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.start()) {
            YamlDslApplication.run(Map.of(), simulator);

            assertThat(simulator.records("contacts")).extracting(c -> c.get("email"))
                    .containsExactly("ada@example.com", "alan@example.com", "grace@example.com");
            assertThat(simulator.records("deals")).extracting(d -> d.get("title"))
                    .containsExactly("Onboarding ada@example.com", "Onboarding alan@example.com",
                            "Onboarding grace@example.com");
            assertThat(simulator.records("deals")).extracting(d -> d.get("contact")).containsExactly("1", "2", "3");
            assertThat(simulator.journal("contacts/list")).as("three contacts, two a page").hasSize(2);
        }
    }
}
