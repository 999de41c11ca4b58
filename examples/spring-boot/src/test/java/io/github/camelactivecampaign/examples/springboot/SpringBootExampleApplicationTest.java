// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import java.time.Duration;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on the simulator profile: contacts synced, deals opened, and their activities polled once each.
 */
@SpringBootTest
@ActiveProfiles("simulator")
class SpringBootExampleApplicationTest {

    @Autowired
    OnboardingReport report;

    @Autowired
    ActiveCampaignSimulator simulator;

    @Test
    void onboardsContactsAndFollowsTheirActivities() {
        await().atMost(Duration.ofSeconds(30)).until(() -> report.deals() == 2);
        assertThat(report.contacts()).isEqualTo(2);
        assertThat(simulator.records("contacts")).extracting(c -> c.get("email"))
                .containsExactly("ada@example.com", "alan@example.com");
        assertThat(simulator.records("deals")).hasSize(2);
        // two contact creations and two deal creations
        await().atMost(Duration.ofSeconds(30)).until(() -> report.activities() == 4);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(report.activities()).as("each activity once").isEqualTo(4);
    }
}
