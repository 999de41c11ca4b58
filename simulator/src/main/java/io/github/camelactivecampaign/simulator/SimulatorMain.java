// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator until stopped: {@code java -jar camel-activecampaign-simulator-<version>-standalone.jar
 * --port 8089 [--token T] [--rate-limit 5] [--seed data.json] [--host 127.0.0.1] [--bulk-import-window 60000]}.
 * {@code --bulk-import-window} shortens the window of the bulk import's call limits (100 multi-contact and 20
 * single-contact calls per window) to scale them, for benchmarks.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        ActiveCampaignSimulator.Builder builder = ActiveCampaignSimulator.builder().port(8089);
        String seed = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(required(args[i], value)));
                case "--host" -> builder.host(required(args[i], value));
                case "--token" -> builder.token(required(args[i], value));
                case "--rate-limit" -> builder.rateLimit(Double.parseDouble(required(args[i], value)));
                case "--seed" -> seed = required(args[i], value);
                case "--bulk-import-window" -> builder.bulkImportLimits(100, 20,
                        java.time.Duration.ofMillis(Long.parseLong(required(args[i], value))));
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar camel-activecampaign-simulator-standalone.jar "
                                       + "[--port 8089] [--host 127.0.0.1] [--token T] [--rate-limit 5] "
                                       + "[--seed data.json] [--bulk-import-window 60000]");
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        ActiveCampaignSimulator simulator = builder.start();
        if (seed != null) {
            try (InputStream in = new FileInputStream(seed)) {
                simulator.seed(in);
            } catch (IOException e) {
                simulator.close();
                throw e;
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("ActiveCampaign simulator listening");
        System.out.println("  baseUrl     = " + simulator.baseUrl());
        System.out.println("  apiKey      = " + simulator.token());
        System.out.println("  trackingUrl = " + simulator.trackingUrl() + " (actid " + simulator.trackingAccountId()
                           + ", key " + simulator.trackingKey() + ")");
        new CountDownLatch(1).await();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
