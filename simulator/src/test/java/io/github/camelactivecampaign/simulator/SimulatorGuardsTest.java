// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token check, the rate limit, injected faults and the journal.
 */
class SimulatorGuardsTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign = new ActiveCampaignSimulatorExtension();

    @Test
    void wrongOrMissingTokenIs403() {
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        SimulatorHttp.Reply wrong = new SimulatorHttp(simulator, "wrong").get("/contacts");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().path("message").asText()).isEqualTo("You are not authorized to access this resource");
        assertThat(new SimulatorHttp(simulator, null).get("/contacts").status()).isEqualTo(403);
    }

    @Test
    void moreThanFivePerSecondGets429WithRetryAfter() {
        SimulatorHttp http = new SimulatorHttp(activeCampaign.simulator());
        List<SimulatorHttp.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(http.get("/contacts"));
        }
        // the window is empty after the reset: the first five pass; ten loopback requests take well under a
        // second, so some of the rest are refused
        assertThat(replies.subList(0, 5)).allMatch(r -> r.status() == 200);
        SimulatorHttp.Reply tooMany = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(tooMany.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(tooMany.json().path("message").asText()).isEqualTo("Rate limit exceeded");
    }

    @Test
    void rateLimitCanBeTurnedOff() {
        activeCampaign.simulator().setRateLimit(0);
        try {
            SimulatorHttp http = new SimulatorHttp(activeCampaign.simulator());
            for (int i = 0; i < 20; i++) {
                assertThat(http.get("/contacts").status()).isEqualTo(200);
            }
        } finally {
            activeCampaign.simulator().setRateLimit(5);
        }
    }

    @Test
    void injectedFaults() {
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        simulator.setRateLimit(0);
        try {
            SimulatorHttp http = new SimulatorHttp(simulator);
            simulator.failNext(2, Fault.status(503).withRetryAfter(2));
            SimulatorHttp.Reply first = http.post("/contacts", "{\"contact\":{\"email\":\"a@example.com\"}}");
            assertThat(first.status()).isEqualTo(503);
            assertThat(first.raw().headers().firstValue("Retry-After")).hasValue("2");
            assertThat(http.get("/contacts").status()).isEqualTo(503);
            assertThat(http.get("/contacts").status()).isEqualTo(200);
            assertThat(simulator.records("contacts")).as("a failed create stores nothing").isEmpty();

            // a POST: the JDK client would silently retry a GET on a dropped connection
            simulator.failNext(1, Fault.dropConnection());
            assertThatThrownBy(() -> http.post("/contacts", "{\"contact\":{\"email\":\"b@example.com\"}}"))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(simulator.records("contacts")).as("a dropped request is not processed").isEmpty();
            assertThat(simulator.journal().get(simulator.journal().size() - 1).status()).isZero();

            simulator.failNext(1, Fault.delay(Duration.ofMillis(200)));
            assertThat(http.get("/contacts").status()).isEqualTo(200);
        } finally {
            simulator.setRateLimit(5);
        }
    }

    @Test
    void journalRecordsEveryRequest() {
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        SimulatorHttp http = new SimulatorHttp(simulator);
        http.post("/contacts", "{\"contact\":{\"email\":\"a@example.com\"}}");
        http.get("/contacts?email=a%40example.com");
        List<RecordedRequest> journal = simulator.journal();
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).operation()).isEqualTo("contacts/create");
        assertThat(journal.get(0).status()).isEqualTo(201);
        assertThat(journal.get(0).body()).contains("a@example.com");
        assertThat(journal.get(1).query().get("email")).containsExactly("a@example.com");
        assertThat(simulator.journal("contacts/list")).hasSize(1);
    }
}
