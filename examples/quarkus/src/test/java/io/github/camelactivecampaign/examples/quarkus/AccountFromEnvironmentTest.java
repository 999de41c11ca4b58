// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quarkus;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The variables every example reads name the account of the Quarkus example too; unset or blank, they name none,
 * so that the Dev Service's simulator fills in.
 */
class AccountFromEnvironmentTest {

    @Test
    void theVariablesNameTheAccount() {
        AccountFromEnvironment source = new AccountFromEnvironment(Map.of(
                "ACTIVECAMPAIGN_API_URL", "https://youraccount.api-us1.com/api/3",
                "ACTIVECAMPAIGN_API_TOKEN", "token-from-the-environment"));

        assertThat(source.getValue("camel.component.activecampaign.base-url"))
                .isEqualTo("https://youraccount.api-us1.com/api/3");
        assertThat(source.getValue("camel.component.activecampaign.api-key")).isEqualTo("token-from-the-environment");
        assertThat(source.getOrdinal()).as("above application.properties, below system properties").isBetween(251, 399);
    }

    @Test
    void unsetOrBlankVariablesNameNothing() {
        AccountFromEnvironment source = new AccountFromEnvironment(Map.of("ACTIVECAMPAIGN_API_URL", " "));

        assertThat(source.getPropertyNames()).isEmpty();
        assertThat(source.getValue("camel.component.activecampaign.base-url")).isNull();
    }
}
