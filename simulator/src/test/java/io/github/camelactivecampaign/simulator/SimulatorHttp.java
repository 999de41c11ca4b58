// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP client for the simulator tests: the simulator is tested on the wire, without the component. */
final class SimulatorHttp {

    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ActiveCampaignSimulator simulator;
    private final String token;

    SimulatorHttp(ActiveCampaignSimulator simulator) {
        this(simulator, simulator.token());
    }

    SimulatorHttp(ActiveCampaignSimulator simulator, String token) {
        this.simulator = simulator;
        this.token = token;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    Reply send(String method, String path, String json, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Api-Token", token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = response.body().isEmpty() || !isJson ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply postForm(String url, String form) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()), response);
    }
}
