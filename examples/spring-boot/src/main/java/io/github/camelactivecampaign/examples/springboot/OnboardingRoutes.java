// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Syncs a few contacts and opens a deal for each, then follows the account's activity stream from the moment the
 * application started.
 */
@Component
public class OnboardingRoutes extends RouteBuilder {

    static final List<Map<String, Object>> CONTACTS = List.of(
            Map.of("email", "ada@example.com", "firstName", "Ada"),
            Map.of("email", "alan@example.com", "firstName", "Alan"));

    private final OnboardingReport report;
    // on an account, only what this run causes, not the account's whole history
    private final String startedAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();

    public OnboardingRoutes(OnboardingReport report, ExampleTarget target) {
        this.report = report;
        System.out.println("Running the Spring Boot example against the " + target.description());
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "onboarding", "Onboarding failed: ${exception.message}")
                .bean(report, "onboardingFinished");

        from("timer:onboarding?repeatCount=1").routeId("onboarding")
                .setBody(constant(CONTACTS))
                .split(body())
                    .to("activecampaign:contacts/sync")
                    .bean(report, "contactSynced")
                    .log(LoggingLevel.INFO, "onboarding", "synced ${body[contact][email]} as contact ${body[contact][id]}")
                    .process(e -> {
                        Map<?, ?> contact = (Map<?, ?>) e.getMessage().getBody(Map.class).get("contact");
                        e.getMessage().setBody(Map.of("title", "Welcome " + contact.get("email"),
                                "contact", contact.get("id"), "value", 10000, "currency", "usd"));
                    })
                    .to("activecampaign:deals/create")
                    .bean(report, "dealOpened")
                    .log(LoggingLevel.INFO, "onboarding", "opened deal ${body[deal][id]}: ${body[deal][title]}")
                .end()
                .bean(report, "onboardingFinished");

        from("activecampaign:activities/list?startFrom=" + startedAt + "&initialDelay=500&delay=1000&greedy=true")
                .routeId("activities")
                .bean(report, "activityPolled")
                .log(LoggingLevel.INFO, "onboarding", "activity: ${body[reference_type]} ${body[reference_action]} of contact ${body[contact]} at ${body[tstamp]}");
    }
}
