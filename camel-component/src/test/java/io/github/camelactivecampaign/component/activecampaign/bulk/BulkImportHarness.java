// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;

/**
 * Measures the bulk import against the simulator with its limits scaled: the bulk call limit's window and the
 * account's rate limit both divided by the scale (10: 100 multi-contact calls per 6 s and 50 requests/s). The
 * producer runs in a JVM of its own with -Xmx64m ({@link BulkImportHarnessClient}), fed a generated Iterator, so
 * that the heap bound covers the import alone; this JVM runs the simulator and counts what it refused. Reports
 * contacts/minute against the floor, 250 contacts x the calls allowed per minute. Not a unit test; run it with
 * {@code mvn -B -q install -DskipTests} then {@code mvn -B -q -pl camel-component test-compile exec:java
 * -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportHarness
 * -Dexec.args="100000 10 4"} (contacts, scale, bulkConcurrency).
 */
public final class BulkImportHarness {

    private BulkImportHarness() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String concurrency = args.length > 2 ? args[2] : "4";
        Duration window = Duration.ofMillis(60_000 / scale);
        double accountRate = 5.0 * scale;
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.builder().rateLimit(accountRate)
                .bulkImportLimits(100, 20, window).threads(4).start()) {
            List<String> command = new ArrayList<>(List.of(
                    System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"), BulkImportHarnessClient.class.getName(),
                    simulator.baseUrl(), simulator.token(), String.valueOf(contacts), String.valueOf(scale),
                    concurrency));
            Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> report = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    System.out.println("  client| " + line);
                    report.add(line);
                }
            }
            int exit = client.waitFor();
            long tooMany = simulator.journal().stream().filter(r -> r.status() == 429).count();
            double callsPerMinute = Math.min(100.0 * scale, accountRate * 60);
            double floor = 250 * callsPerMinute;
            double rate = report.stream().filter(l -> l.startsWith("rate ")).mapToDouble(
                    l -> Double.parseDouble(l.substring(5).trim())).findFirst().orElse(0);
            System.out.printf("contacts              : %d (scale %d: %d multi-contact calls per %d ms, %.0f requests/s)%n",
                    contacts, scale, 100, window.toMillis(), accountRate);
            System.out.printf("floor                 : %.0f contacts/min (250 x %.0f calls/min)%n", floor,
                    callsPerMinute);
            double steady = report.stream().filter(l -> l.startsWith("steady ")).mapToDouble(
                    l -> Double.parseDouble(l.substring(7).trim())).findFirst().orElse(0);
            System.out.printf("measured, whole run   : %.0f contacts/min = %.3f of the floor%n", rate, rate / floor);
            System.out.printf("measured, after the first window's burst: %.0f contacts/min = %.3f of the floor%n",
                    steady, steady / floor);
            System.out.printf("429s / bulk refusals  : %d / %d%n", tooMany, simulator.bulkImportRefusals());
            System.out.printf("client JVM            : -Xmx64m, exit %d%n", exit);
        }
    }
}
