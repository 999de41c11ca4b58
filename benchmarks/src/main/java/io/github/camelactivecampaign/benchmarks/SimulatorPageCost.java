// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;

/**
 * What one page costs the simulator at the store's size, asked directly: an export is bound by the floor only while
 * a page takes less than the interval the rate allows between requests; past that, it measures the simulator.
 */
final class SimulatorPageCost {

    private static final int WARMUP = 2;
    private static final int SAMPLES = 5;

    private SimulatorPageCost() {
    }

    /**
     * Median milliseconds of a few pages from the middle of contacts 1..N, in the order the component pages them.
     * Lifts the simulator's rate limit meanwhile, and puts it back.
     */
    static double medianMillis(ActiveCampaignSimulator simulator, double rateLimit, int contacts, int pageSize)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                                                                + "/contacts?orders%5Bid%5D=ASC&limit=" + pageSize
                                                                + "&id_greater=" + contacts / 2))
                .header("Api-Token", simulator.token()).build();
        double[] millis = new double[SAMPLES];
        simulator.setRateLimit(0);
        try {
            for (int i = -WARMUP; i < SAMPLES; i++) {
                long start = System.nanoTime();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (i >= 0) {
                    // the first requests also pay for the JDK client's own start
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("The simulator answered a page with HTTP " + response.statusCode());
                }
            }
        } finally {
            simulator.setRateLimit(rateLimit);
        }
        return Stats.median(millis);
    }
}
