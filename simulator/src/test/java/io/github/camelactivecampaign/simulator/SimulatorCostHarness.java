// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Measures what one request costs the simulator when the account is large: a 100-record page of contacts from a
 * store of 10,000 and of 100,000 (the same cost: a page is a view, not a scan), paged as the contacts feed pages
 * ({@code id_greater} and {@code orders[id]}, or {@code filters[updated_after]}, found through the date index), a
 * filter that has to scan every contact, and one bulk import of 250 contacts. Each figure is the wall time of the whole HTTP exchange
 * on loopback, median and 95th percentile over many calls after a warm-up. Not a unit test (timings are noisy); run
 * it with
 * {@code mvn -B -q -pl simulator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.camelactivecampaign.simulator.SimulatorCostHarness}.
 */
public final class SimulatorCostHarness {

    private static final int CONTACTS = 100_000;
    private static final int CALLS = 200;
    private static final int IMPORTS = 40;

    private SimulatorCostHarness() {
    }

    public static void main(String[] args) {
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.builder().rateLimit(0).start()) {
            simulator.clock().set(Instant.parse("2024-03-01T12:00:00Z"));
            SimulatorHttp http = new SimulatorHttp(simulator);
            java.util.Random random = new java.util.Random(42);
            seed(simulator, 0, CONTACTS / 10);
            report("10,000 contacts: GET /contacts?limit=100&offset=<random>", http,
                    i -> "/contacts?limit=100&offset=" + random.nextInt(CONTACTS / 10 - 100));
            long seeding = System.nanoTime();
            seed(simulator, CONTACTS / 10, CONTACTS);
            System.out.printf("seeded %,d more contacts in %.1f s%n", CONTACTS - CONTACTS / 10,
                    (System.nanoTime() - seeding) / 1e9);

            report("100,000 contacts: GET /contacts?limit=100&offset=<random>", http,
                    i -> "/contacts?limit=100&offset=" + random.nextInt(CONTACTS - 100));
            report("100,000 contacts: GET /contacts?id_greater=<random>&orders[id]=ASC&limit=100", http,
                    i -> "/contacts?orders%5Bid%5D=ASC&limit=100&id_greater=" + random.nextInt(CONTACTS - 100));
            report("100,000 contacts: filters[updated_after]=<day>, all of them match", http,
                    i -> "/contacts?filters%5Bupdated_after%5D=2024-03-01&limit=100&offset="
                         + random.nextInt(CONTACTS - 100));
            simulator.clock().advance(java.time.Duration.ofDays(2));
            for (int i = 0; i < 100; i++) {
                http.put("/contacts/" + (1 + random.nextInt(CONTACTS)), "{\"contact\":{\"lastName\":\"L\"}}");
            }
            report("100,000 contacts: filters[updated_after]=<day>, 100 updated since", http,
                    i -> "/contacts?filters%5Bupdated_after%5D=2024-03-03&limit=100");
            report("100,000 contacts: search=<text> (scans every contact)", http,
                    i -> "/contacts?limit=100&search=example.com&round=" + i);

            double[] imports = new double[IMPORTS];
            for (int round = -10; round < IMPORTS; round++) {
                String body = importBody(round + 10);
                long start = System.nanoTime();
                SimulatorHttp.Reply reply = http.post("/import/bulk_import", body);
                if (reply.status() != 200) {
                    throw new IllegalStateException("bulk import answered " + reply.status() + " " + reply.json());
                }
                if (round >= 0) {
                    imports[round] = (System.nanoTime() - start) / 1e6;
                }
            }
            print("POST /import/bulk_import, 250 new contacts", imports);
        }
    }

    private static void seed(ActiveCampaignSimulator simulator, int first, int end) {
        for (int from = first; from < end; from += 10_000) {
            StringBuilder json = new StringBuilder("{\"contacts\":[");
            for (int i = from; i < from + 10_000; i++) {
                json.append(i == from ? "" : ",").append("{\"email\":\"c").append(i)
                        .append("@example.com\",\"firstName\":\"N").append(i).append("\"}");
            }
            simulator.seed(json.append("]}").toString());
        }
    }

    private static String importBody(int round) {
        StringBuilder json = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < 250; i++) {
            json.append(i == 0 ? "" : ",").append("{\"email\":\"import").append(round).append('-').append(i)
                    .append("@example.com\",\"first_name\":\"I\",\"tags\":[\"imported\"]}");
        }
        return json.append("]}").toString();
    }

    private static void report(String label, SimulatorHttp http, IntFunction<String> path) {
        double[] millis = new double[CALLS];
        for (int i = -50; i < CALLS; i++) {
            long start = System.nanoTime();
            SimulatorHttp.Reply reply = http.get(path.apply(i));
            if (reply.status() != 200 || reply.json().path("contacts").isEmpty()) {
                throw new IllegalStateException(label + " answered " + reply.status());
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        print(label, millis);
    }

    private static void print(String label, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%-80s median %6.2f ms, p95 %6.2f ms (%d calls)%n", label, sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.95)], sorted.length);
    }
}
