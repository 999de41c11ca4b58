// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Options that cannot work fail the route's start with a message that names the problem, and no webhook is
 * registered.
 */
class WebhookBadOptionsTest extends WebhookTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "events=deal_add,contact_teleported&webhookUrl=http://127.0.0.1/h | Unknown webhook event [contact_teleported] in events; the account offers: bounce, click",
            "events=deal_add&webhookUrl=http://my.app.example.com/h | webhookUrl must use https",
            "events=deal_add&webhookUrl=ftp://127.0.0.1/h | webhookUrl must use https",
            "events=deal_add&webhookUrl=https://my.app.example.com | webhookUrl needs a path to listen on",
            "events=deal_add | webhookUrl must be the public https URL",
            "webhookUrl=https://my.app.example.com/h | events must name the webhook events to receive",
            "events=deal_add&sources=api,moon&webhookUrl=https://my.app.example.com/h | sources: unknown source 'moon'",
            "events=deal_add&webhookSecret=short&webhookUrl=https://my.app.example.com/h | webhookSecret must be at least 16 characters",
            "events=deal_add&eventFormat=xml&webhookUrl=https://my.app.example.com/h | eventFormat must be map, json or event",
            "events=deal_add&webhookUrl=https://my.app.example.com/h?secret=x | must not carry a secret parameter" })
    void failsTheStartNamingTheProblem(String options, String message) {
        Throwable thrown = catchThrowable(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("activecampaign:webhook?" + options).to("mock:never");
                }
            });
            context.start();
        });
        assertThat(thrown).isNotNull();
        while (thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).hasMessageContaining(message);
        assertThat(simulator().journal("webhooks/create")).isEmpty();
    }
}
