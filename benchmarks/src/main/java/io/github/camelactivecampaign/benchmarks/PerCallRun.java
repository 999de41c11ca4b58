// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the three clients of {@link PerCallBenchmark} in interleaved rounds (round r starts with a different client)
 * within one invocation, so that a machine busier in one minute than the next shifts all three, and reports the
 * ratios per round. Each measurement is a JMH run of its own, in a fresh JVM unless {@code forks} is 0.
 */
public final class PerCallRun {

    /** The clients measured, by their benchmark method. */
    public enum Client {
        RAW("rawHttpClient", "raw HttpClient 5 + Jackson"),
        CAMEL_HTTP("camelHttpRoute", "camel-http route"),
        COMPONENT("component", "component");

        final String method;
        final String label;

        Client(String method, String label) {
            this.method = method;
            this.label = label;
        }
    }

    /**
     * @param rounds             interleaved rounds
     * @param forks              JVMs per measurement (0: in this JVM, for the smoke test only)
     * @param warmupIterations   JMH warm-up iterations per measurement
     * @param iterations         JMH measured iterations per measurement
     * @param iterationMillis    length of each iteration
     */
    public record Settings(int rounds, int forks, int warmupIterations, int iterations, long iterationMillis) {

        public static Settings from(BenchmarkOptions options) {
            return new Settings(options.integer("rounds", 9), options.integer("forks", 1),
                    options.integer("warmup-iterations", 3), options.integer("iterations", 3),
                    options.integer("iteration-millis", 1000));
        }
    }

    private PerCallRun() {
    }

    /** One client's cost per call: wall-clock time as the caller sees it, and CPU time of the whole JVM. */
    public record Cost(double wallMicros, double cpuMicros) {
    }

    public static PerCallReport run(Settings settings, Consumer<String> progress) throws RunnerException {
        List<Map<Client, Cost>> rounds = new ArrayList<>();
        Client[] clients = Client.values();
        for (int round = 0; round < settings.rounds(); round++) {
            Map<Client, Cost> costs = new EnumMap<>(Client.class);
            for (int i = 0; i < clients.length; i++) {
                Client client = clients[(round + i) % clients.length];
                Cost cost = measure(settings, client);
                costs.put(client, cost);
                progress.accept(String.format("round %d: %-27s %8.2f us/call wall, %8.2f us/call CPU", round + 1,
                        client.label, cost.wallMicros(), cost.cpuMicros()));
            }
            rounds.add(costs);
        }
        return new PerCallReport(rounds);
    }

    private static Cost measure(Settings settings, Client client) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(PerCallBenchmark.class.getName() + "." + client.method) + "$")
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.iterationMillis()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationMillis()))
                .threads(1)
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        RunResult result = new Runner(options).runSingle();
        return new Cost(result.getPrimaryResult().getScore(),
                result.getSecondaryResults().get(CpuTimeProfiler.RESULT).getScore());
    }
}
