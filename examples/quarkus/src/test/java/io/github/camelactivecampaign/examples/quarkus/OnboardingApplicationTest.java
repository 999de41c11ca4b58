// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quarkus;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the application's main as a user does without an account (test mode, as dev mode): it says it runs on the
 * Dev Service's simulator, onboards the contacts, polls the activities they cause once each, prints its summary and
 * stops with exit code 0.
 */
@QuarkusMainTest
class OnboardingApplicationTest {

    @Test
    @Launch
    void saysWhatItUsesAndFinishesWithItsSummary(LaunchResult result) {
        String output = result.getOutput();

        assertThat(result.exitCode()).isZero();
        assertThat(output).contains("Running the Quarkus example against the ActiveCampaign simulator of the Dev "
                                    + "Service at http://127.0.0.1:");
        assertThat(output).as("camel-quarkus 3.31 carries Camel 4.17").contains("Apache Camel 4.17");
        assertThat(output.substring(output.indexOf("=== ActiveCampaign Quarkus example: ActiveCampaign simulator")))
                .contains("contacts synced (contacts/sync)          : 2")
                .contains("deals opened (deals/create)              : 2")
                .contains("activities polled (activities consumer)  : 4");
    }
}
