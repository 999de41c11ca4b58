// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bulk import: payload limits, its own call limits, whole-payload validation, the queue and import/info.
 */
class SimulatorBulkImportTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign = new ActiveCampaignSimulatorExtension(
            ActiveCampaignSimulator.builder().rateLimit(0).bulkImportLimits(3, 2, Duration.ofMinutes(1)));

    private final SimulatorHttp http = new SimulatorHttp(activeCampaign.simulator());

    @AfterEach
    void restoreCompletion() {
        activeCampaign.simulator().setBulkImportCompletion(Duration.ofMillis(200));
    }

    private static String contacts(int count, String emailPattern) {
        StringJoiner contacts = new StringJoiner(",", "{\"contacts\":[", "]}");
        for (int i = 0; i < count; i++) {
            contacts.add("{\"email\":\"" + String.format(emailPattern, i) + "\",\"first_name\":\"C" + i + "\"}");
        }
        return contacts.toString();
    }

    @Test
    void queuesThenImportsAndReportsTheRowsTheImportRejected() {
        activeCampaign.simulator().setBulkImportCompletion(Duration.ofSeconds(1));
        SimulatorHttp.Reply queued = http.post("/import/bulk_import", "{\"contacts\":["
                + "{\"email\":\"ada@example.com\",\"first_name\":\"Ada\",\"tags\":[\"vip\"],"
                + "\"fields\":[{\"id\":3,\"value\":\"gold\"}]},"
                + "{\"email\":\"invalid.email@invalidDomain\"},"
                + "{\"email\":\"invalid'character@example.com\"}]}");
        assertThat(queued.status()).isEqualTo(200);
        assertThat(queued.json().path("queued_contacts").asInt()).isEqualTo(3);
        String batchId = queued.json().path("batchId").asText();

        JsonNode pending = http.get("/import/info?batchId=" + batchId).json();
        assertThat(pending.path("status").asText()).isEqualTo("queued");
        assertThat(activeCampaign.simulator().records("contacts")).isEmpty();
        assertThat(http.get("/import/bulk_import").json().path("outstanding").get(0).path("contacts").asText())
                .isEqualTo("3");

        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(
                http.get("/import/info?batchId=" + batchId).json().path("status").asText()));
        JsonNode done = http.get("/import/info?batchId=" + batchId).json();
        assertThat(done.path("success")).hasSize(1);
        assertThat(done.path("failure").toString()).contains("invalid.email@invalidDomain",
                "invalid'character@example.com");
        assertThat(activeCampaign.simulator().records("contacts")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("email", "ada@example.com")
                        .containsEntry("firstName", "Ada"));
        assertThat(activeCampaign.simulator().records("fieldValues")).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("value", "gold"));
        assertThat(activeCampaign.simulator().records("contactTags")).hasSize(1);
    }

    @Test
    void aMalformedEmailRefusesTheWholePayload() {
        SimulatorHttp.Reply refused = http.post("/import/bulk_import",
                "{\"contacts\":[{\"email\":\"ok@example.com\"},{\"email\":\"not an email\"},{}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("success").asInt()).isZero();
        assertThat(refused.json().path("failureReasons").findValuesAsText("contact")).containsExactly("1", "2");
        assertThat(activeCampaign.simulator().records("importBatches")).isEmpty();
    }

    @Test
    void refusesMoreThan250ContactsOrPayloadsOf400000Bytes() {
        assertThat(http.post("/import/bulk_import", contacts(251, "c%d@example.com")).status()).isEqualTo(400);
        String big = "{\"contacts\":[{\"email\":\"big@example.com\",\"first_name\":\"" + "x".repeat(400_000) + "\"}]}";
        SimulatorHttp.Reply tooBig = http.post("/import/bulk_import", big);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().path("failureReasons").toString()).contains("400000 bytes");
        assertThat(http.get("/import/info").status()).isEqualTo(400);
    }

    @Test
    void enforcesItsOwnCallLimitsSeparatelyForSingleAndMultiContactCalls() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/import/bulk_import", contacts(2, "m" + i + "x%d@example.com")).status())
                    .isEqualTo(200);
        }
        SimulatorHttp.Reply overMulti = http.post("/import/bulk_import", contacts(2, "late%d@example.com"));
        assertThat(overMulti.status()).isEqualTo(400);
        assertThat(overMulti.json().path("message").asText()).isEqualTo("Rate limit exceeded.");
        assertThat(overMulti.json().path("failureReasons").get(0).asText()).startsWith("Up to 3 imports");
        // single-contact calls have a budget of their own
        assertThat(http.post("/import/bulk_import", contacts(1, "s1-%d@example.com")).status()).isEqualTo(200);
        assertThat(http.post("/import/bulk_import", contacts(1, "s2-%d@example.com")).status()).isEqualTo(200);
        assertThat(http.post("/import/bulk_import", contacts(1, "s3-%d@example.com")).status()).isEqualTo(400);
        assertThat(activeCampaign.simulator().bulkImportRefusals()).isEqualTo(2);
    }
}
