// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The simulator answers as the real service does where the component could be fooled: types, statuses, error texts,
 * refused relations, permission 403s, the contact's sub-resources, strictness on writes.
 */
class SimulatorFidelityTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    private SimulatorHttp http() {
        return new SimulatorHttp(activeCampaign.simulator());
    }

    @Test
    void numbersSentComeBackAsStrings() {
        SimulatorHttp http = http();
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        http.post("/deals", "{\"deal\":{\"title\":\"Big\",\"value\":12000,\"currency\":\"usd\",\"contact\":1,"
                            + "\"status\":0}}");
        JsonNode deal = http.get("/deals/1").json().path("deal");
        assertThat(deal.path("value").isTextual()).as("value %s", deal.path("value")).isTrue();
        assertThat(deal.path("value").asText()).isEqualTo("12000");
        assertThat(deal.path("contact").asText()).isEqualTo("1");
        assertThat(deal.path("contact").isTextual()).isTrue();
        assertThat(deal.path("status").isTextual()).isTrue();
    }

    @Test
    void notFoundInTheServicesWords() {
        SimulatorHttp http = http();
        assertThat(http.get("/contacts/1").json().path("message").asText())
                .isEqualTo("No Result found for Subscriber with id 1");
        assertThat(http.get("/lists/7").json().path("message").asText())
                .isEqualTo("No Result found for _List with id 7");
        assertThat(http.get("/contacts/3/deals").json().path("message").asText())
                .isEqualTo("No Result found for Subscriber with id 3");
        assertThat(http.delete("/contactTags/4").json().path("message").asText())
                .isEqualTo("No Result found for SubscriberTag with id 4");
    }

    @Test
    void deletesAnswer200WithAnEmptyObject() {
        SimulatorHttp http = http();
        http.post("/tags", "{\"tag\":{\"tag\":\"vip\",\"tagType\":\"contact\"}}");
        SimulatorHttp.Reply deleted = http.delete("/tags/1");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().isObject() && deleted.json().isEmpty()).isTrue();
    }

    @Test
    void relationsToRecordsThatDoNotExistAreRefusedNotStored() {
        SimulatorHttp http = http();
        SimulatorHttp.Reply tag = http.post("/contactTags", "{\"contactTag\":{\"contact\":\"9\",\"tag\":\"1\"}}");
        assertThat(tag.status()).isEqualTo(404);
        assertThat(tag.json().path("errors").get(0).path("detail").asText()).isEqualTo("Contact not found");
        SimulatorHttp.Reply deal = http.post("/deals", "{\"deal\":{\"title\":\"A\",\"value\":\"1\","
                                                       + "\"currency\":\"usd\",\"contact\":\"5\"}}");
        assertThat(deal.status()).isEqualTo(404);
        assertThat(deal.json().path("message").asText()).isEqualTo("No Result found for Subscriber with id 5");
        assertThat(activeCampaign.simulator().records("contactTags")).isEmpty();
        assertThat(activeCampaign.simulator().records("deals")).isEmpty();
    }

    @Test
    void permissionDeniedIsTheServicesForbidden() {
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        SimulatorHttp http = http();
        simulator.failNext(1, Fault.forbidden("view lists"));
        SimulatorHttp.Reply once = http.get("/lists");
        assertThat(once.status()).isEqualTo(403);
        assertThat(once.json().path("errors").get(0).path("detail").asText())
                .isEqualTo("You do not have permission to view lists.");
        assertThat(http.get("/lists").status()).isEqualTo(200);

        simulator.denyPermission("lists", "view lists");
        assertThat(http.get("/lists").status()).isEqualTo(403);
        assertThat(http.get("/lists/1").json().path("errors").get(0).path("status").asInt()).isEqualTo(403);
        assertThat(http.get("/tags").status()).as("other resources are not affected").isEqualTo(200);
        simulator.reset();
        assertThat(http.get("/lists").status()).isEqualTo(200);
    }

    @Test
    void writesMustBeJsonInTheirEnvelope() {
        SimulatorHttp http = http();
        SimulatorHttp.Reply bare = http.post("/contacts", "{\"email\":\"ada@example.com\"}");
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.json().path("errors").get(0).path("detail").asText()).contains("{\"contact\": {...}}");
        SimulatorHttp.Reply text = http.send("POST", "/contacts", "{\"contact\":{\"email\":\"a@example.com\"}}",
                "text/plain");
        assertThat(text.status()).isEqualTo(415);
        assertThat(activeCampaign.simulator().records("contacts")).isEmpty();
    }

    @Test
    void activitiesNameTheirContactBySubscriberid() {
        SimulatorHttp http = http();
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        JsonNode activity = http.get("/activities?contact=1").json().path("activities").get(0);
        assertThat(activity.path("subscriberid").asText()).isEqualTo("1");
        assertThat(activity.has("contact")).isFalse();
        assertThat(activity.path("reference_type").asText()).isEqualTo("Subscriber");
        assertThat(activeCampaign.simulator().records("activityRecipients").get(0))
                .containsEntry("activityid", activity.path("id").asText());
    }

    @Test
    void activitiesSideloadTheirContactsAndRecipients() {
        assumeThat(ServiceModel.get().knows("activities")).as("needs reference-examples.json").isTrue();
        SimulatorHttp http = http();
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        JsonNode page = http.get("/activities?contact=1").json();
        assertThat(page.path("contacts").get(0).path("email").asText()).isEqualTo("ada@example.com");
        assertThat(page.path("activityRecipients").get(0).path("activityid").asText())
                .isEqualTo(page.path("activities").get(0).path("id").asText());
    }

    @Test
    void contactFieldValuesBecomeRecordsOfTheContact() {
        SimulatorHttp http = http();
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\","
                  + "\"fieldValues\":[{\"field\":\"1\",\"value\":\"blue\"}]}}");
        assertThat(http.get("/contacts/1/fieldValues").json().path("fieldValues").get(0).path("value").asText())
                .isEqualTo("blue");
        http.post("/contact/sync", "{\"contact\":{\"email\":\"ada@example.com\","
                                   + "\"fieldValues\":[{\"field\":\"1\",\"value\":\"red\"}]}}");
        List<Map<String, Object>> values = activeCampaign.simulator().records("fieldValues");
        assertThat(values).hasSize(1);
        assertThat(values.get(0)).containsEntry("value", "red").containsEntry("contact", "1");
    }

    @Test
    void bulkImportRefusesAPayloadWithAnInvalidContactWhole() {
        SimulatorHttp http = http();
        SimulatorHttp.Reply refused = http.post("/import/bulk_import", "{\"contacts\":[{\"email\":\"a@example.com\"},"
                                                                       + "{\"email\":\"not-an-email\"}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("failureReasons").get(0).path("contact").asInt()).isEqualTo(1);
        assertThat(activeCampaign.simulator().records("contacts")).isEmpty();
        assertThat(http.get("/import/info").json().path("message").asText())
                .isEqualTo("'batchId' is a required field.");
    }

    @Test
    void customObjectRecordsAreUpsertedByExternalIdAndDeletedWith202() {
        SimulatorHttp http = http();
        String schema = http.post("/customObjects/schemas", "{\"schema\":{\"slug\":\"tickets\"}}").json()
                .path("schema").path("id").asText();
        String record = "{\"record\":{\"externalId\":\"t-1\",\"fields\":[{\"id\":\"seat\",\"value\":\"A1\"}]}}";
        SimulatorHttp.Reply created = http.post("/customObjects/records/" + schema, record);
        SimulatorHttp.Reply again = http.post("/customObjects/records/" + schema, record);
        assertThat(created.status()).isEqualTo(201);
        assertThat(again.json().path("record").path("id").asText())
                .isEqualTo(created.json().path("record").path("id").asText());
        assertThat(activeCampaign.simulator().records("records")).hasSize(1);
        SimulatorHttp.Reply deleted = http.delete("/customObjects/records/" + schema + "/external/t-1");
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.raw().body()).isEmpty();
        assertThat(http.get("/customObjects/records/" + schema + "/external/t-1").status()).isEqualTo(404);
    }

    @Test
    void theSiteTrackingSnippetIsText() {
        SimulatorHttp.Reply snippet = http().send("GET", "/siteTracking/code", null, "application/json");
        assertThat(snippet.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(snippet.raw().body()).contains("pgo('setAccount'");
    }

    @Test
    void everyContactSubResourceAndCollectionIsServedByItsShape() {
        // the generator adds GET /contacts/{id}/<relation> and GET /contactTags, /contactLists to the catalog:
        // served by shape, they work as soon as the catalog has them
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        simulator.seed("{\"contacts\":[{\"id\":\"1\",\"email\":\"a@example.com\"},{\"id\":\"2\",\"email\":"
                       + "\"b@example.com\"}],\"tags\":[{\"id\":\"5\",\"tag\":\"vip\"}],"
                       + "\"contactTags\":[{\"contact\":\"1\",\"tag\":\"5\"},{\"contact\":\"2\",\"tag\":\"5\"}]}");
        SimulatorOperation contactTags = SimulatorOperation.of("contacts/contactTags", "contacts", "contactTags",
                "GET", "/contacts/{id}/contactTags", null, true, "contactTags");
        JsonNode ofContact = simulator.route(new SimulatorRequest(contactTags, Map.of("id", "1"), Map.of(), null, 0))
                .body();
        assertThat(ofContact.path("contactTags")).hasSize(1);
        assertThat(ofContact.path("contactTags").get(0).path("contact").asText()).isEqualTo("1");
        SimulatorResponse missing = simulator.route(new SimulatorRequest(contactTags, Map.of("id", "9"), Map.of(),
                null, 0));
        assertThat(missing.status()).isEqualTo(404);

        SimulatorOperation all = SimulatorOperation.of("contactTags/list", "contactTags", "list", "GET",
                "/contactTags", null, true, "contactTags");
        JsonNode page = simulator.route(new SimulatorRequest(all, Map.of(), Map.of("limit", List.of("1")), null, 0))
                .body();
        assertThat(page.path("contactTags")).hasSize(1);
        assertThat(page.path("meta").path("total").asText()).isEqualTo("2");
    }

    @Test
    void recordsCarryTheFieldsTheReferenceShows() {
        assumeThat(ServiceModel.get().knows("contacts")).as("needs reference-examples.json").isTrue();
        SimulatorHttp http = http();
        JsonNode contact = http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}").json()
                .path("contact");
        assertThat(contact.path("orgid").isTextual()).isTrue();
        assertThat(contact.path("hash").asText()).matches("[0-9a-f]{32}");
        assertThat(contact.path("links").path("contactTags").asText())
                .isEqualTo(activeCampaign.simulator().baseUrl() + "/contacts/1/contactTags");
        JsonNode contacts = http.get("/contacts").json();
        assertThat(contacts.path("meta").path("page_input").path("limit").asInt()).isEqualTo(20);
        http.post("/deals", "{\"deal\":{\"title\":\"A\",\"value\":\"1\",\"currency\":\"usd\",\"contact\":\"1\"}}");
        JsonNode deals = http.get("/deals").json();
        assertThat(deals.path("meta").path("total").isNumber()).as("GET /deals answers a number").isTrue();
        assertThat(deals.path("deals").get(0).has("percent")).isTrue();
        assertThat(http.get("/contacts/1").json().path("deals").get(0).path("title").asText()).isEqualTo("A");
    }

    @Test
    void createsAnswerTheStatusTheReferenceDocuments() {
        assumeThat(ServiceModel.get().knows("contacts")).as("needs reference-examples.json").isTrue();
        SimulatorHttp http = http();
        http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\"}}");
        assertThat(http.post("/lists", "{\"list\":{\"name\":\"News\"}}").status()).isEqualTo(200);
        assertThat(http.post("/contactLists", "{\"contactList\":{\"list\":\"1\",\"contact\":\"1\",\"status\":1}}")
                .status()).isEqualTo(200);
        assertThat(http.post("/tags", "{\"tag\":{\"tag\":\"vip\"}}").status()).isEqualTo(201);
        assertThat(new ObjectMapper().valueToTree(activeCampaign.simulator().records("contactLists")).size())
                .isEqualTo(1);
    }
}
