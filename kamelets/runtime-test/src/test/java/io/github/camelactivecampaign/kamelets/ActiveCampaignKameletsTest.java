// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.kamelets;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Kamelets as a user gets them: from the camel-activecampaign-kamelets dependency, found by camel-kamelet
 * 4.17.0 on its default location classpath:kamelets, against the simulator.
 */
class ActiveCampaignKameletsTest extends CamelTestSupport {

    static final ActiveCampaignSimulator SIMULATOR = ActiveCampaignSimulator.builder().rateLimit(0).start();

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getPropertiesComponent().addInitialProperty("ac.url", SIMULATOR.baseUrl());
        context.getPropertiesComponent().addInitialProperty("ac.token", SIMULATOR.token());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync")
                        .to("kamelet:activecampaign-sink?baseUrl={{ac.url}}&apiKey={{ac.token}}"
                            + "&operation=contacts/sync");
                from("kamelet:activecampaign-source?baseUrl={{ac.url}}&apiKey={{ac.token}}&feed=activities"
                     + "&startFrom=beginning&delay=200")
                        .convertBodyTo(String.class)
                        .to("mock:activities");
            }
        };
    }

    @Test
    void theKameletsComeFromTheDependencyWithItsVersion() throws Exception {
        for (String name : new String[] { "activecampaign-source", "activecampaign-sink" }) {
            URL kamelet = getClass().getClassLoader().getResource("kamelets/" + name + ".kamelet.yaml");
            assertThat(kamelet).as(name).isNotNull();
            assertThat(kamelet.toString()).as("this module has no resources of its own")
                    .containsAnyOf("camel-activecampaign-kamelets-", "kamelets/catalog/target/classes");
            try (InputStream in = kamelet.openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .doesNotContain("@project.version@").contains("camel-activecampaign:" + System.getProperty("project.version") + "\"");
            }
        }
    }

    @Test
    void sinkCallsTheOperationAndSourceDeliversTheActivityOnce() throws Exception {
        MockEndpoint activities = getMockEndpoint("mock:activities");
        activities.expectedMessageCount(1);
        // and no second delivery of it over the next polls
        activities.setAssertPeriod(1000);

        String answer = template.requestBody("direct:sync", "{\"email\": \"kamelet@example.com\"}", String.class);

        assertThat(answer).contains("\"email\":\"kamelet@example.com\"");
        assertThat(SIMULATOR.records("contacts")).singleElement()
                .satisfies(c -> assertThat(c.get("email")).isEqualTo("kamelet@example.com"));
        activities.assertIsSatisfied(20_000);
        assertThat(activities.getExchanges().get(0).getMessage().getBody(String.class))
                .contains("\"reference_type\":\"Subscriber\"");
        assertThat(context.getVersion()).startsWith("4.17");
    }
}
