// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot;

import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel.component.activecampaign.* properties reach the component of a Spring Boot application, which then talks
 * to the account they name (the simulator here).
 */
@SpringBootTest(classes = ActiveCampaignStarterTest.Application.class, properties = {
        "camel.component.activecampaign.page-size=25",
        "camel.component.activecampaign.max-attempts=2",
        "camel.component.activecampaign.account-time-zone=America/Chicago" })
class ActiveCampaignStarterTest {

    static final ActiveCampaignSimulator SIMULATOR = ActiveCampaignSimulator.start();

    @SpringBootApplication
    static class Application {
    }

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry registry) {
        registry.add("camel.component.activecampaign.base-url", SIMULATOR::baseUrl);
        registry.add("camel.component.activecampaign.api-key", SIMULATOR::token);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void propertiesConfigureTheComponent() {
        ActiveCampaignComponent component = camelContext.getComponent("activecampaign", ActiveCampaignComponent.class);
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(SIMULATOR.baseUrl());
        assertThat(component.getConfiguration().getApiKey()).isEqualTo(SIMULATOR.token());
        assertThat(component.getConfiguration().getPageSize()).isEqualTo(25);
        assertThat(component.getConfiguration().getMaxAttempts()).isEqualTo(2);
        assertThat(component.getConfiguration().getAccountTimeZone()).isEqualTo("America/Chicago");
        assertThat(component.getConfiguration().getRateLimit()).as("unset: the component's default").isEqualTo(5);
    }

    @Test
    void routesReachTheConfiguredAccount() {
        Map<?, ?> created = template.requestBody("activecampaign:contacts/sync",
                Map.of("email", "boot@example.com"), Map.class);
        assertThat(((Map<?, ?>) created.get("contact")).get("email")).isEqualTo("boot@example.com");
        assertThat(SIMULATOR.records("contacts")).hasSize(1);
    }
}
