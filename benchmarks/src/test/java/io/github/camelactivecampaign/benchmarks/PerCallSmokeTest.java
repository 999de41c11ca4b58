// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.camelactivecampaign.benchmarks.PerCallRun.Client;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-call benchmark in a tiny configuration: each client gets the contact, and the report holds the ratios. */
class PerCallSmokeTest {

    @Test
    void eachClientGetsTheContactOverAConnectionItKeeps() throws Exception {
        PerCallBenchmark benchmark = new PerCallBenchmark();
        benchmark.start();
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(benchmark.rawHttpClient()).isEqualTo(PerCallBenchmark.EXPECTED_EMAIL);
                assertThat(benchmark.camelHttpRoute()).isEqualTo(PerCallBenchmark.EXPECTED_EMAIL);
                assertThat(benchmark.component()).isEqualTo(PerCallBenchmark.EXPECTED_EMAIL);
            }
            assertThat(benchmark.server().served()).isEqualTo(30);
            // one kept-alive connection per client: what is measured is the call, not a connection set-up
            assertThat(benchmark.server().connections()).isEqualTo(3);
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void theServerAnswersOnlyTheContactRequestWithTheToken() throws Exception {
        try (ContactServer server = ContactServer.start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest.Builder contact = HttpRequest.newBuilder(URI.create(server.contactUrl()));
            assertThat(client.send(contact.header("Api-Token", ContactServer.TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains(PerCallBenchmark.EXPECTED_EMAIL);
            // the same connection again: keep-alive
            assertThat(client.send(contact.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(server.contactUrl()))
                    .header("Api-Token", "wrong").build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(403);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/contacts/2"))
                    .header("Api-Token", ContactServer.TOKEN).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(404);
            assertThat(server.served()).isEqualTo(2);
        }
    }

    @Test
    void oneTinyRoundReportsBothRatios() throws Exception {
        List<String> progress = new ArrayList<>();
        PerCallReport report = PerCallRun.run(new PerCallRun.Settings(1, 0, 0, 1, 200), progress::add);

        assertThat(report.rounds()).hasSize(1);
        for (PerCallReport.Metric metric : PerCallReport.Metric.values()) {
            for (Client client : Client.values()) {
                assertThat(report.medianMicros(client, metric)).as(client.label + " " + metric).isPositive().isFinite();
            }
            assertThat(report.ratio(0, Client.RAW, metric)).isEqualTo(
                    report.micros(0, Client.COMPONENT, metric) / report.micros(0, Client.RAW, metric));
            assertThat(report.medianRatio(Client.CAMEL_HTTP, metric)).isEqualTo(report.ratio(0, Client.CAMEL_HTTP,
                    metric));
        }
        assertThat(progress).hasSize(3);
        assertThat(report.format()).contains("wall-clock us/call", "CPU us/call", "component/raw",
                "component/camel-http", "median");
    }

    @Test
    void oneTinyInterleavedRoundReportsBothRatios() throws Exception {
        List<String> progress = new ArrayList<>();
        PerCallReport report = PerCallInterleaved.run(new PerCallInterleaved.Settings(2, 0.2, 0.3, 5), progress::add);

        assertThat(report.rounds()).hasSize(2);
        for (PerCallReport.Metric metric : PerCallReport.Metric.values()) {
            for (Client client : Client.values()) {
                assertThat(report.micros(1, client, metric)).as(client.label + " " + metric).isPositive().isFinite();
            }
        }
        assertThat(progress).hasSize(2);
        assertThat(report.format()).contains("component/raw", "component/camel-http");
    }
}
