// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.kamelets;


import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two Kamelets, loaded from kamelets/*.kamelet.yaml by camel-kamelet on Camel 4.17.0, against the simulator.
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
