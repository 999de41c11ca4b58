// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;

import io.github.camelactivecampaign.benchmarks.PerCallRun.Client;

/**
 * The three clients of {@link PerCallBenchmark} in one JVM, measured on the calling thread only: its CPU time, its
 * wall-clock time and the bytes it allocated per call, in interleaved turns. Each figure is the lowest a client
 * reached over the rounds: on a shared machine a turn can only be slowed by others' load, never sped up, so the
 * lowest is the nearest to the client's own cost. Allocation does not depend on load at all.
 */
public final class PerCallCallerThread {

    /**
     * @param rounds      turns of each client
     * @param calls       calls per turn
     * @param warmupCalls calls of each client before measuring (JIT)
     */
    public record Settings(int rounds, int calls, int warmupCalls) {

        public static Settings from(BenchmarkOptions options) {
            return new Settings(options.integer("rounds", 15), options.integer("calls", 3000),
                    options.integer("warmup-calls", 9000));
        }
    }

    /** Per client (in {@link Client} order): lowest CPU and wall-clock microseconds per call, bytes per call. */
    public record Report(Settings settings, double[] cpuMicros, double[] wallMicros, long[] bytes) {

        public double cpuRatio(Client client) {
            return cpuMicros[Client.COMPONENT.ordinal()] / cpuMicros[client.ordinal()];
        }

        public double wallRatio(Client client) {
            return wallMicros[Client.COMPONENT.ordinal()] / wallMicros[client.ordinal()];
        }

        public String format() {
            StringBuilder text = new StringBuilder(String.format(
                    "Per call on the calling thread, lowest of %d interleaved turns of %d calls%n"
                    + "%-28s %12s %12s %12s%n", settings.rounds(), settings.calls(), "client", "CPU us", "wall us",
                    "bytes"));
            for (Client client : Client.values()) {
                text.append(String.format("%-28s %12.2f %12.2f %12d%n", client.label, cpuMicros[client.ordinal()],
                        wallMicros[client.ordinal()], bytes[client.ordinal()]));
            }
            text.append(String.format("component/raw        CPU %.2fx  wall %.2fx%n", cpuRatio(Client.RAW),
                    wallRatio(Client.RAW)));
            text.append(String.format("component/camel-http CPU %.2fx  wall %.2fx%n", cpuRatio(Client.CAMEL_HTTP),
                    wallRatio(Client.CAMEL_HTTP)));
            return text.toString();
        }
    }

    private PerCallCallerThread() {
    }

    public static Report run(Settings settings, Consumer<String> progress) throws Exception {
        com.sun.management.ThreadMXBean threads
                = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Client[] clients = Client.values();
        double[] cpu = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] wall = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        long[] bytes = new long[clients.length];
        PerCallBenchmark benchmark = new PerCallBenchmark();
        benchmark.start();
        try {
            for (Client client : clients) {
                calls(benchmark, client, settings.warmupCalls());
            }
            for (int round = 0; round < settings.rounds(); round++) {
                for (int i = 0; i < clients.length; i++) {
                    Client client = clients[(round + i) % clients.length];
                    long allocated = threads.getThreadAllocatedBytes(thread);
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    calls(benchmark, client, settings.calls());
                    double wallMicros = (System.nanoTime() - start) / 1e3 / settings.calls();
                    double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / settings.calls();
                    bytes[client.ordinal()] = (threads.getThreadAllocatedBytes(thread) - allocated) / settings.calls();
                    cpu[client.ordinal()] = Math.min(cpu[client.ordinal()], cpuMicros);
                    wall[client.ordinal()] = Math.min(wall[client.ordinal()], wallMicros);
                    progress.accept(String.format("round %d: %-27s %8.2f us CPU %8.2f us wall %7d bytes", round + 1,
                            client.label, cpuMicros, wallMicros, bytes[client.ordinal()]));
                }
            }
        } finally {
            benchmark.stop();
        }
        return new Report(settings, cpu, wall, bytes);
    }

    private static void calls(PerCallBenchmark benchmark, Client client, int calls) throws Exception {
        for (int i = 0; i < calls; i++) {
            String email = switch (client) {
                case RAW -> benchmark.rawHttpClient();
                case CAMEL_HTTP -> benchmark.camelHttpRoute();
                case COMPONENT -> benchmark.component();
            };
            if (!PerCallBenchmark.EXPECTED_EMAIL.equals(email)) {
                throw new IllegalStateException(client.label + " got " + email);
            }
        }
    }
}
