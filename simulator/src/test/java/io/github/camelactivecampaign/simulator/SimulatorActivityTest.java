// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity stream and tracking logs grow as the account changes, and their filters work.
 */
class SimulatorActivityTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    @Test
    void contactDealAndNoteChangesAppendActivities() {
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        simulator.clock().set(Instant.parse("2024-03-01T12:00:00Z"));
        SimulatorHttp http = new SimulatorHttp(simulator);
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        simulator.clock().advance(Duration.ofMinutes(1));
        http.post("/deals", "{\"deal\":{\"title\":\"A\",\"value\":\"1\",\"currency\":\"usd\",\"contact\":\"1\"}}");
        simulator.clock().advance(Duration.ofMinutes(1));
        http.post("/deals/1/notes", "{\"note\":{\"note\":\"hello\"}}");
        http.post("/contacts", "{\"contact\":{\"email\":\"alan@example.com\"}}");

        JsonNode all = http.get("/activities?contact=1&orders%5Btstamp%5D=ASC").json();
        assertThat(all.path("activities")).extracting(a -> a.path("reference_type").asText())
                .containsExactly("Subscriber", "Deal", "Note");
        JsonNode recent = http.get("/activities?contact=1&after=2024-03-01T06:01:00-06:00").json();
        assertThat(recent.path("activities")).hasSize(2);
        JsonNode newestFirst = http.get("/activities?contact=1&orders%5Btstamp%5D=DESC").json();
        assertThat(newestFirst.path("activities").get(0).path("reference_type").asText()).isEqualTo("Note");
        assertThat(http.get("/activities").json().path("meta").path("total").asText()).isEqualTo("4");
    }

    @Test
    void trackedEventsBecomeTrackingLogsOfTheContact() throws Exception {
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        SimulatorHttp http = new SimulatorHttp(simulator);
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        SimulatorHttp.Reply tracked = http.postForm(simulator.trackingUrl(), "actid=" + simulator.trackingAccountId()
                + "&key=" + simulator.trackingKey() + "&event=signed-up&eventdata=plan%3Dpro"
                + "&visit=%7B%22email%22%3A%22ada%40example.com%22%7D");
        assertThat(tracked.json().path("success").asInt()).isEqualTo(1);
        simulator.trackEvent("1", "visited-pricing", null);

        JsonNode logs = http.get("/contacts/1/trackingLogs").json();
        assertThat(logs.path("trackingLogs")).extracting(l -> l.path("value").asText())
                .containsExactly("signed-up", "visited-pricing");
        assertThat(logs.path("trackingLogs").get(0).path("data").asText()).isEqualTo("plan=pro");

        SimulatorHttp.Reply wrongKey = http.postForm(simulator.trackingUrl(), "actid=1&key=nope&event=x");
        assertThat(wrongKey.json().path("success").asInt()).isZero();
    }
}
