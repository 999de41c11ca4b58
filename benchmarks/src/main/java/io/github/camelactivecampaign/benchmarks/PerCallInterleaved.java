// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.camelactivecampaign.benchmarks.PerCallRun.Client;
import io.github.camelactivecampaign.benchmarks.PerCallRun.Cost;

/**
 * The three clients of {@link PerCallBenchmark} in one JVM, taking turns every few dozen calls: a machine whose load
 * changes from one second to the next then weighs on the three alike, which JMH runs one after the other cannot
 * promise on a shared 2-core machine. Each round is the sum of many short turns per client.
 */
public final class PerCallInterleaved {

    /**
     * @param rounds         rounds reported
     * @param warmupSeconds  turns before the first round, not counted
     * @param roundSeconds   length of each round
     * @param callsPerTurn   calls one client makes before the next takes its turn
     */
    public record Settings(int rounds, double warmupSeconds, double roundSeconds, int callsPerTurn) {

        public static Settings from(BenchmarkOptions options) {
            return new Settings(options.integer("rounds", 9), options.decimal("warmup-seconds", 20),
                    options.decimal("round-seconds", 6), options.integer("calls-per-turn", 50));
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PerCallInterleaved() {
    }

    public static PerCallReport run(Settings settings, Consumer<String> progress) throws Exception {
        PerCallBenchmark benchmark = new PerCallBenchmark();
        benchmark.start();
        try {
            round(benchmark, settings, settings.warmupSeconds(), 0);
            List<Map<Client, Cost>> rounds = new ArrayList<>();
            for (int round = 0; round < settings.rounds(); round++) {
                Map<Client, Cost> costs = round(benchmark, settings, settings.roundSeconds(), round);
                progress.accept(String.format("round %d: raw %.2f, camel-http %.2f, component %.2f us/call wall", round
                                              + 1, costs.get(Client.RAW).wallMicros(),
                        costs.get(Client.CAMEL_HTTP).wallMicros(), costs.get(Client.COMPONENT).wallMicros()));
                rounds.add(costs);
            }
            return new PerCallReport(rounds);
        } finally {
            benchmark.stop();
        }
    }

    private static Map<Client, Cost> round(PerCallBenchmark benchmark, Settings settings, double seconds, int round)
            throws Exception {
        Client[] clients = Client.values();
        long[] wallNanos = new long[clients.length];
        long[] cpuNanos = new long[clients.length];
        long[] calls = new long[clients.length];
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int turn = round;
        while (System.nanoTime() < end) {
            Client client = clients[turn++ % clients.length];
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < settings.callsPerTurn(); i++) {
                call(benchmark, client);
            }
            wallNanos[client.ordinal()] += System.nanoTime() - start;
            cpuNanos[client.ordinal()] += OS.getProcessCpuTime() - cpu;
            calls[client.ordinal()] += settings.callsPerTurn();
        }
        Map<Client, Cost> costs = new EnumMap<>(Client.class);
        for (Client client : clients) {
            long n = Math.max(1, calls[client.ordinal()]);
            costs.put(client, new Cost(wallNanos[client.ordinal()] / 1000.0 / n,
                    cpuNanos[client.ordinal()] / 1000.0 / n));
        }
        return costs;
    }

    private static void call(PerCallBenchmark benchmark, Client client) throws Exception {
        String email = switch (client) {
            case RAW -> benchmark.rawHttpClient();
            case CAMEL_HTTP -> benchmark.camelHttpRoute();
            case COMPONENT -> benchmark.component();
        };
        if (!PerCallBenchmark.EXPECTED_EMAIL.equals(email)) {
            throw new IllegalStateException(client.label + " got " + email + " instead of the contact");
        }
    }
}
