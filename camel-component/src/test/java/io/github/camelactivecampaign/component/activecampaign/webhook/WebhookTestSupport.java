// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CamelContext as on camel-main: the activecampaign component on a simulator, and platform-http's Vert.x server
 * on a free loopback port, where the simulator posts its webhook deliveries.
 */
abstract class WebhookTestSupport extends CamelTestSupport {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign = new ActiveCampaignSimulatorExtension();

    /** The secret of the tests' routes; routes without webhookSecret get a random one. */
    static final String SECRET = "test-webhook-secret-0123456789";

    protected final int port = AvailablePortFinder.getNextAvailable();
    protected final HttpClient http = HttpClient.newHttpClient();

    static ActiveCampaignSimulator simulator() {
        return activeCampaign.simulator();
    }

    @BeforeEach
    void noRateLimit() {
        simulator().setRateLimit(0);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(simulator().baseUrl());
        component.getConfiguration().setApiKey(simulator().token());
        component.getConfiguration().setRateLimit(1000);
        context.addComponent("activecampaign", component);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    /** The public URL of a test route's webhook: this test's server. */
    String hookUrl(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Posts to this test's server, as anyone on the network could. */
    HttpResponse<String> post(String pathAndQuery, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The webhooks registered at the simulator. */
    static List<Map<String, Object>> webhooks() {
        return simulator().records("webhooks");
    }

    /** Creates a contact through the API; its id. */
    static String createContact(String email) throws Exception {
        return api("POST", "/contacts", "{\"contact\":{\"email\":\"" + email + "\",\"firstName\":\"Ada\"}}")
                .path("contact").path("id").asText();
    }

    /** Creates a contact and a deal of it through the API (a deal_add for the webhooks); the deal's id. */
    static String createDeal(String email, String title) throws Exception {
        String contactId = createContact(email);
        return api("POST", "/deals", "{\"deal\":{\"title\":\"" + title + "\",\"value\":12000,\"currency\":"
                                     + "\"usd\",\"contact\":\"" + contactId + "\"}}").path("deal").path("id").asText();
    }

    /** Calls the simulator's API; the parsed answer. */
    static JsonNode api(String method, String path, String json) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(simulator().baseUrl() + path))
                .header("Api-Token", simulator().token()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body);
    }
}
