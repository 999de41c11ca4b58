// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Create, read, update and delete round trips of the main resources, envelopes as the service returns them, and
 * the 404 and 422 answers.
 */
class SimulatorCrudTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    private SimulatorHttp http() {
        return new SimulatorHttp(activeCampaign.simulator());
    }

    @Test
    void contactRoundTrip() {
        SimulatorHttp http = http();
        SimulatorHttp.Reply created = http.post("/contacts",
                "{\"contact\":{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("contact").path("id").asText();
        assertThat(id).isEqualTo("1");
        assertThat(created.json().path("contact").path("cdate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d");

        assertThat(http.get("/contacts/" + id).json().path("contact").path("firstName").asText()).isEqualTo("Ada");
        SimulatorHttp.Reply updated = http.put("/contacts/" + id, "{\"contact\":{\"lastName\":\"Lovelace\"}}");
        assertThat(updated.json().path("contact").path("lastName").asText()).isEqualTo("Lovelace");
        assertThat(updated.json().path("contact").path("firstName").asText()).isEqualTo("Ada");

        assertThat(http.delete("/contacts/" + id).status()).isEqualTo(200);
        SimulatorHttp.Reply gone = http.get("/contacts/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("message").asText()).isEqualTo("No Result found for Subscriber with id 1");
    }

    @Test
    void dealWithNotesAsASubResource() {
        SimulatorHttp http = http();
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        String deal = http.post("/deals", "{\"deal\":{\"title\":\"Big\",\"value\":\"100\",\"currency\":\"usd\","
                                          + "\"contact\":\"1\"}}").json().path("deal").path("id").asText();
        SimulatorHttp.Reply note = http.post("/deals/" + deal + "/notes", "{\"note\":{\"note\":\"Call back\"}}");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().path("note").path("reltype").asText()).isEqualTo("Deal");
        String noteId = note.json().path("note").path("id").asText();
        SimulatorHttp.Reply changed = http.put("/deals/" + deal + "/notes/" + noteId, "{\"note\":{\"note\":\"Done\"}}");
        assertThat(changed.json().path("note").path("note").asText()).isEqualTo("Done");
        assertThat(http.get("/notes/" + noteId).json().path("note").path("note").asText()).isEqualTo("Done");
        assertThat(http.post("/deals/999/notes", "{\"note\":{\"note\":\"x\"}}").status()).isEqualTo(404);
    }

    @Test
    void contactSubResourcesFollowTheirContact() {
        SimulatorHttp http = http();
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        http.post("/contacts", "{\"contact\":{\"email\":\"alan@example.com\"}}");
        http.post("/fieldValues", "{\"fieldValue\":{\"contact\":\"1\",\"field\":\"3\",\"value\":\"blue\"}}");
        http.post("/fieldValues", "{\"fieldValue\":{\"contact\":\"2\",\"field\":\"3\",\"value\":\"red\"}}");
        http.post("/deals", "{\"deal\":{\"title\":\"A\",\"value\":\"1\",\"currency\":\"usd\",\"contact\":\"1\"}}");
        assertThat(http.get("/contacts/1/fieldValues").json().path("fieldValues")).hasSize(1);
        assertThat(http.get("/contacts/1/fieldValues").json().path("fieldValues").get(0).path("value").asText())
                .isEqualTo("blue");
        assertThat(http.get("/contacts/1/deals").json().path("deals")).hasSize(1);
        assertThat(http.get("/contacts/2/deals").json().path("deals")).isEmpty();
    }

    @Test
    void missingRequiredFieldsGive422WithTheServiceShape() {
        SimulatorHttp.Reply reply = http().post("/deals", "{\"deal\":{\"value\":\"100\"}}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors")).hasSize(2);
        assertThat(reply.json().path("errors").get(0).path("source").path("pointer").asText())
                .isEqualTo("/data/attributes/title");
        assertThat(reply.json().path("errors").get(0).path("code").asText()).isEqualTo("field_missing");
    }

    @Test
    void duplicateEmailIsRefused() {
        SimulatorHttp http = http();
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        SimulatorHttp.Reply again = http.post("/contacts", "{\"contact\":{\"email\":\"ADA@example.com\"}}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("errors").get(0).path("code").asText()).isEqualTo("duplicate");
    }

    @Test
    void syncUpsertsByEmail() {
        SimulatorHttp http = http();
        SimulatorHttp.Reply first = http.post("/contact/sync", "{\"contact\":{\"email\":\"ada@example.com\","
                                                               + "\"firstName\":\"Ada\"}}");
        SimulatorHttp.Reply second = http.post("/contact/sync", "{\"contact\":{\"email\":\"ada@example.com\","
                                                                + "\"lastName\":\"Lovelace\"}}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("contact").path("id").asText()).isEqualTo(first.json().path("contact")
                .path("id").asText());
        assertThat(second.json().path("contact").path("firstName").asText()).isEqualTo("Ada");
        assertThat(activeCampaign.simulator().records("contacts")).hasSize(1);
        assertThat(http.post("/contact/sync", "{\"contact\":{\"firstName\":\"NoEmail\"}}").status()).isEqualTo(422);
    }

    @Test
    void everyCatalogOperationIsServed() {
        SimulatorHttp http = http();
        // unknown paths are 404, known paths with another method 405: every catalog path is routed
        assertThat(http.get("/nope").status()).isEqualTo(404);
        assertThat(http.send("PATCH", "/contacts/1", "{}").status()).isEqualTo(405);
        assertThat(http.get("/users/me").json().path("user").path("username").asText()).isEqualTo("admin");
        assertThat(http.get("/eventTracking").json().path("eventTracking").path("enabled").asBoolean()).isTrue();
        http.put("/eventTracking", "{\"eventTracking\":{\"enabled\":false}}");
        assertThat(http.get("/eventTracking").json().path("eventTracking").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void seededRecordsKeepTheirIds() {
        activeCampaign.simulator().seed("{\"deals\":[{\"id\":\"7\",\"title\":\"Seeded\"}]}");
        SimulatorHttp http = http();
        assertThat(http.get("/deals/7").json().path("deal").path("title").asText()).isEqualTo("Seeded");
        String next = http.post("/deals", "{\"deal\":{\"title\":\"N\",\"value\":\"1\",\"currency\":\"usd\"}}")
                .json().path("deal").path("id").asText();
        assertThat(next).isEqualTo("8");
    }
}
