// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quarkus;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Syncs a few contacts and opens a deal for each, then follows the account's activity stream.
 */
@ApplicationScoped
public class OnboardingRoutes extends RouteBuilder {

    static final List<Map<String, Object>> CONTACTS = List.of(
            Map.of("email", "ada@example.com", "firstName", "Ada"),
            Map.of("email", "alan@example.com", "firstName", "Alan"));

    @Override
    public void configure() {
        from("timer:onboarding?repeatCount=1").routeId("onboarding")
                .setBody(constant(CONTACTS))
                .split(body())
                    .to("activecampaign:contacts/sync")
                    .bean("onboardingReport", "contactSynced")
                    .log(LoggingLevel.INFO, "onboarding", "synced ${body[contact][email]} as ${body[contact][id]}")
                    .process(e -> {
                        Map<?, ?> contact = (Map<?, ?>) e.getMessage().getBody(Map.class).get("contact");
                        e.getMessage().setBody(Map.of("title", "Welcome " + contact.get("email"),
                                "contact", contact.get("id"), "value", 10000, "currency", "usd"));
                    })
                    .to("activecampaign:deals/create")
                    .bean("onboardingReport", "dealOpened")
                .end();

        from("activecampaign:activities?startFrom=beginning&initialDelay=500&delay=1000&greedy=true")
                .routeId("activities")
                .bean("onboardingReport", "activityPolled")
                .log(LoggingLevel.INFO, "onboarding", "activity ${body[reference_type]} of contact ${body[contact]}");
    }
}
