// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the application as a user does without an account: it says it uses the embedded simulator, onboards the
 * contacts, polls the activities they cause once each, prints its summary and stops.
 */
class SpringBootExampleApplicationTest {

    @Test
    void saysWhatItUsesAndFinishesWithItsSummary() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        int exitCode;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // no account, whatever the environment holds
            exitCode = SpringBootExampleApplication.run("--camel.component.activecampaign.base-url=");
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        console.print(output);

        assertThat(exitCode).isZero();
        assertThat(output).contains("Running the Spring Boot example against the embedded ActiveCampaign simulator "
                                    + "at http://127.0.0.1:");
        assertThat(output.substring(output.indexOf("=== ActiveCampaign Spring Boot example: embedded")))
                .contains("contacts synced (contacts/sync)          : 2")
                .contains("deals opened (deals/create)              : 2")
                .contains("activities polled (activities consumer)  : 4");
    }
}
