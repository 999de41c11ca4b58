// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quarkus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application in test mode: no base URL is configured, so the Dev Service runs the simulator; the routes
 * onboard contacts and follow their activities.
 */
@QuarkusTest
class OnboardingRoutesTest {

    @Inject
    OnboardingReport report;

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext camelContext;

    @ConfigProperty(name = "camel.component.activecampaign.base-url")
    String baseUrl;

    @Test
    void onboardsContactsOnTheDevServiceAndFollowsTheirActivities() {
        assertThat(baseUrl).as("set by the Dev Service").startsWith("http://127.0.0.1:").endsWith("/api/3");

        await().atMost(Duration.ofSeconds(30)).until(() -> report.deals() == 2);
        Map<?, ?> contacts = template.requestBody("activecampaign:contacts/list", null, Map.class);
        List<Object> emails = ((List<?>) contacts.get("contacts")).stream()
                .map(c -> (Object) ((Map<?, ?>) c).get("email")).toList();
        assertThat(emails).containsExactly("ada@example.com", "alan@example.com");

        await().atMost(Duration.ofSeconds(30)).until(() -> report.activities() == 4);
        assertThat(camelContext.getVersion()).as("camel-quarkus 3.31 carries Camel 4.17").startsWith("4.17");
    }
}
