// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks: what registration accepts, and the form-encoded deliveries the API calls cause.
 */
class SimulatorWebhookTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign = new ActiveCampaignSimulatorExtension();

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private SimulatorHttp http;

    @BeforeEach
    void startReceiver() throws IOException {
        activeCampaign.simulator().setRateLimit(0);
        http = new SimulatorHttp(activeCampaign.simulator());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            received.add(fields);
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        activeCampaign.simulator().setRateLimit(5);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?secret=s3";
    }

    private String register(String events, String sources) {
        SimulatorHttp.Reply reply = http.post("/webhooks", "{\"webhook\":{\"name\":\"test\",\"url\":\"" + hookUrl()
                                                           + "\",\"events\":" + events + ",\"sources\":" + sources
                                                           + "}}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("webhook").path("listid").asText()).isEqualTo("0");
        return reply.json().path("webhook").path("id").asText();
    }

    @Test
    void listsTheEventsOfTheReference() {
        SimulatorHttp.Reply reply = http.get("/webhook/events");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("webhookEvents")).hasSize(25);
        assertThat(reply.json().path("webhookEvents").toString()).contains("\"deal_add\"", "\"subscribe\"");
    }

    @Test
    void refusesUnknownEventsSourcesAndUrls() {
        SimulatorHttp.Reply reply = http.post("/webhooks", "{\"webhook\":{\"name\":\"x\",\"url\":\"ftp://x\","
                                                           + "\"events\":[\"deal_add\",\"contact_teleported\"],"
                                                           + "\"sources\":[\"moon\"]}}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors").toString()).contains("Unknown event: contact_teleported",
                "Unknown source: moon", "http or https");
        assertThat(activeCampaign.simulator().records("webhooks")).isEmpty();
    }

    @Test
    void dealCreatedThroughTheApiIsPostedFormEncodedWithNestedKeys() {
        register("[\"deal_add\"]", "[\"api\"]");
        String contact = http.post("/contacts", "{\"contact\":{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}}")
                .json().path("contact").path("id").asText();
        http.post("/fieldValues", "{\"fieldValue\":{\"contact\":\"" + contact + "\",\"field\":\"12\",\"value\":\"gold\"}}");
        String deal = http.post("/deals", "{\"deal\":{\"title\":\"Big\",\"value\":12000,\"currency\":\"usd\","
                                          + "\"contact\":\"" + contact + "\"}}").json().path("deal").path("id").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        Map<String, String> form = received.get(0);
        assertThat(form.get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form).containsEntry("type", "deal_add").containsEntry("initiated_from", "api")
                .containsEntry("deal[id]", deal).containsEntry("deal[title]", "Big")
                .containsEntry("contact[id]", contact).containsEntry("contact[email]", "ada@example.com")
                .containsEntry("contact[first_name]", "Ada").containsEntry("contact[fields][12]", "gold")
                .containsKeys("date_time", "initiated_by", "list");
        assertThat(activeCampaign.simulator().webhookDeliveries()).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(200));
    }

    @Test
    void onlyTheChosenEventsAndSourcesAreDelivered() {
        register("[\"contact_tag_added\"]", "[\"public\"]");
        register("[\"update\"]", "[\"api\"]");
        String contact = http.post("/contacts", "{\"contact\":{\"email\":\"alan@example.com\"}}")
                .json().path("contact").path("id").asText();
        String tag = http.post("/tags", "{\"tag\":{\"tag\":\"vip\",\"tagType\":\"contact\"}}")
                .json().path("tag").path("id").asText();
        http.post("/contactTags", "{\"contactTag\":{\"contact\":\"" + contact + "\",\"tag\":\"" + tag + "\"}}");
        http.put("/contacts/" + contact, "{\"contact\":{\"lastName\":\"Turing\"}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        // the tag was added through the API, and that webhook listens to contacts' own actions only
        assertThat(received.get(0)).containsEntry("type", "update").containsEntry("contact[last_name]", "Turing");
        activeCampaign.simulator().triggerWebhookEvent("contact_tag_added", "public", contact);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received.get(1)).containsEntry("type", "contact_tag_added").containsEntry("initiated_from",
                "public").containsEntry("contact[tags]", "vip");
    }

    @Test
    void aReceiverAnswering410DeactivatesItsWebhook() {
        String id = register("[\"update\"]", "[\"api\"]");
        String contact = http.post("/contacts", "{\"contact\":{\"email\":\"grace@example.com\"}}")
                .json().path("contact").path("id").asText();
        answer.set(410);
        http.put("/contacts/" + contact, "{\"contact\":{\"firstName\":\"Grace\"}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> activeCampaign.simulator().isWebhookDeactivated(id));
        answer.set(200);
        http.put("/contacts/" + contact, "{\"contact\":{\"firstName\":\"G.\"}}");
        // the webhook is still listed but the second update is not delivered
        assertThat(http.get("/webhooks/" + id).status()).isEqualTo(200);
        http.get("/contacts/" + contact);
        assertThat(activeCampaign.simulator().webhookDeliveries()).hasSize(1);
        assertThat(received).hasSize(1);
    }
}
