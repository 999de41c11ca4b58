// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging (limit default 20, max 100, offset, meta.total) and the filters users rely on.
 */
class SimulatorListTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    private SimulatorHttp http;

    @BeforeEach
    void contacts() {
        http = new SimulatorHttp(activeCampaign.simulator());
        activeCampaign.simulator().clock().set(Instant.parse("2024-03-01T12:00:00Z"));
        for (int i = 1; i <= 130; i++) {
            http.post("/contacts", "{\"contact\":{\"email\":\"c" + i + "@example.com\",\"firstName\":\"N" + i + "\"}}");
            if (i == 100) {
                activeCampaign.simulator().clock().advance(Duration.ofDays(2));
            }
        }
    }

    private JsonNode list(String query) {
        return http.get("/contacts" + query).json();
    }

    @Test
    void defaultPageIs20AndTheLargest100() {
        assertThat(list("").path("contacts")).hasSize(20);
        assertThat(list("?limit=500").path("contacts")).hasSize(100);
        assertThat(list("").path("meta").path("total").asText()).isEqualTo("130");
    }

    @Test
    void offsetPages() {
        JsonNode page = list("?limit=50&offset=100");
        assertThat(page.path("contacts")).hasSize(30);
        assertThat(page.path("contacts").get(0).path("email").asText()).isEqualTo("c101@example.com");
    }

    @Test
    void idGreaterWithIdOrderPagesStably() {
        JsonNode page = list("?orders%5Bid%5D=ASC&id_greater=125&limit=100");
        assertThat(page.path("contacts")).hasSize(5);
        assertThat(page.path("contacts").get(0).path("id").asText()).isEqualTo("126");
        assertThat(list("?orders%5Bid%5D=DESC&limit=1").path("contacts").get(0).path("id").asText()).isEqualTo("130");
    }

    @Test
    void emailSearchAndIds() {
        assertThat(list("?email=c7@example.com").path("contacts")).hasSize(1);
        assertThat(list("?search=N12&limit=100").path("contacts")).hasSize(11); // N12, N120..N129
        assertThat(list("?ids=1,2,3").path("contacts")).hasSize(3);
    }

    @Test
    void updatedAndCreatedAfterFollowTheClock() {
        assertThat(list("?filters%5Bcreated_after%5D=2024-03-02&limit=100").path("meta").path("total").asText())
                .isEqualTo("30");
        http.put("/contacts/5", "{\"contact\":{\"lastName\":\"Changed\"}}");
        JsonNode updated = list("?filters%5Bupdated_after%5D=2024-03-03T06:00:00-06:00&limit=100");
        assertThat(updated.path("meta").path("total").asText()).isEqualTo("31");
    }

    @Test
    void pagingThroughAFilterSeesWritesMadeMeanwhile() {
        String query = "?filters%5Bupdated_after%5D=2024-03-03&limit=10";
        assertThat(list(query).path("meta").path("total").asText()).isEqualTo("30");
        assertThat(list(query + "&offset=10").path("contacts").get(0).path("email").asText())
                .isEqualTo("c111@example.com");
        http.put("/contacts/5", "{\"contact\":{\"firstName\":\"Changed\"}}");
        http.delete("/contacts/111");
        // contact 5 now matches (updated after the day), 111 is gone: 30 again, in id order
        assertThat(list(query).path("meta").path("total").asText()).isEqualTo("30");
        assertThat(list(query).path("contacts").get(0).path("id").asText()).isEqualTo("5");
        assertThat(list(query + "&offset=10").path("contacts").get(0).path("email").asText())
                .isEqualTo("c110@example.com");
        assertThat(list(query + "&offset=20").path("contacts").get(0).path("email").asText())
                .isEqualTo("c121@example.com");
    }

    @Test
    void listAndTagMembership() {
        activeCampaign.simulator().seed("{\"lists\":[{\"id\":\"2\",\"name\":\"News\"}],"
                                        + "\"tags\":[{\"id\":\"5\",\"tag\":\"vip\"}]}");
        http.post("/contactLists", "{\"contactList\":{\"list\":\"2\",\"contact\":\"4\",\"status\":\"1\"}}");
        http.post("/contactTags", "{\"contactTag\":{\"contact\":\"9\",\"tag\":\"5\"}}");
        assertThat(list("?listid=2").path("contacts")).extracting(c -> c.path("id").asText()).containsExactly("4");
        assertThat(list("?tagid=5").path("contacts")).extracting(c -> c.path("id").asText()).containsExactly("9");
    }
}
