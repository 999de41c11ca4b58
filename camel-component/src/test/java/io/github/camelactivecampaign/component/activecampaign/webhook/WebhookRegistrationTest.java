// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook's registration follows the route: registered when it starts, removed when it stops (or kept), and
 * found again by its name when it restarts, so that there is never more than one.
 */
class WebhookRegistrationTest extends WebhookTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private void addRoute(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:webhook?events=deal_add,update&sources=api,admin&webhookUrl="
                     + hookUrl("/ac/hooks") + options).routeId("hooks").to("mock:events");
            }
        });
    }

    @Test
    void registersOnStartAndRemovesOnStop() throws Exception {
        addRoute("");
        context.start();

        assertThat(webhooks()).singleElement().satisfies(webhook -> {
            assertThat(webhook).containsEntry("name", "camel-activecampaign:hooks")
                    .containsEntry("events", List.of("deal_add", "update"))
                    .containsEntry("sources", List.of("api", "admin"));
            // a random secret of 256 bits, as a query parameter
            assertThat((String) webhook.get("url")).matches("http://127\\.0\\.0\\.1:\\d+/ac/hooks\\?secret=[A-Za-z0-9_-]{43}");
        });

        context.getRouteController().stopRoute("hooks");
        assertThat(webhooks()).isEmpty();
    }

    @Test
    void aRestartFindsItsWebhookInsteadOfAddingOne() throws Exception {
        addRoute("&keepWebhook=true&webhookSecret=" + SECRET);
        context.start();
        String id = String.valueOf(webhooks().get(0).get("id"));

        context.getRouteController().stopRoute("hooks");
        assertThat(webhooks()).as("kept on stop").hasSize(1);
        context.getRouteController().startRoute("hooks");

        assertThat(webhooks()).singleElement().satisfies(w -> assertThat(w).containsEntry("id", id));
        // found by name and reused as it was: no create, no update
        assertThat(simulator().journal("webhooks/create")).hasSize(1);
        assertThat(simulator().journal("webhooks/update")).isEmpty();
    }

    @Test
    void replacesAStaleRegistrationAndRemovesDuplicates() throws Exception {
        simulator().seed("""
                {"webhooks": [
                  {"id": "41", "name": "camel-activecampaign:hooks", "url": "https://old.example.com/x?secret=old",
                   "events": ["subscribe"], "sources": ["api"], "listid": "0"},
                  {"id": "42", "name": "camel-activecampaign:hooks", "url": "https://old.example.com/y",
                   "events": ["subscribe"], "sources": ["api"], "listid": "0"},
                  {"id": "43", "name": "someone else's", "url": "https://other.example.com/", "events": ["open"],
                   "sources": ["public"], "listid": "0"}]}
                """);
        addRoute("&webhookSecret=" + SECRET);
        context.start();

        List<Map<String, Object>> webhooks = webhooks();
        assertThat(webhooks).extracting(w -> w.get("id")).containsExactly("41", "43");
        assertThat(webhooks.get(0)).containsEntry("url", hookUrl("/ac/hooks") + "?secret=" + SECRET)
                .containsEntry("events", List.of("deal_add", "update"));
        assertThat(simulator().journal("webhooks/create")).isEmpty();
        assertThat(simulator().journal("webhooks/update")).extracting(RecordedRequest::path)
                .containsExactly("/api/3/webhooks/41");
    }
}
