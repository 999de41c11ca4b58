// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.camelactivecampaign.benchmarks.PerCallRun.Client;
import io.github.camelactivecampaign.benchmarks.PerCallRun.Cost;

/**
 * Cost per call of each client, per round, and the two ratios the speed goal is stated in: the component against a
 * hand-written client and against a hand-written camel-http route; each for wall-clock time and for CPU time.
 */
public record PerCallReport(List<Map<Client, Cost>> rounds) {

    /** What is compared: the time a caller waits, or the CPU the JVM spends. */
    public enum Metric {
        WALL("wall-clock", Cost::wallMicros),
        CPU("CPU", Cost::cpuMicros);

        final String label;
        final ToDoubleFunction<Cost> micros;

        Metric(String label, ToDoubleFunction<Cost> micros) {
            this.label = label;
            this.micros = micros;
        }
    }

    public PerCallReport {
        rounds = List.copyOf(rounds);
    }

    public double micros(int round, Client client, Metric metric) {
        return metric.micros.applyAsDouble(rounds.get(round).get(client));
    }

    /** The component's cost over the baseline's in one round. */
    public double ratio(int round, Client baseline, Metric metric) {
        return micros(round, Client.COMPONENT, metric) / micros(round, baseline, metric);
    }

    public double medianMicros(Client client, Metric metric) {
        double[] values = new double[rounds.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = micros(i, client, metric);
        }
        return Stats.median(values);
    }

    public double medianRatio(Client baseline, Metric metric) {
        double[] values = new double[rounds.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ratio(i, baseline, metric);
        }
        return Stats.median(values);
    }

    public String format() {
        StringBuilder out = new StringBuilder("Per call, GET of one contact on a loopback server (JMH average time; "
                                              + "CPU of the whole JVM per call)\n");
        for (Metric metric : Metric.values()) {
            out.append(String.format("%n%s us/call%n%-6s %12s %12s %12s %15s %22s%n", metric.label, "round", "raw",
                    "camel-http", "component", "component/raw", "component/camel-http"));
            for (int i = 0; i < rounds.size(); i++) {
                out.append(String.format("%-6d %12.2f %12.2f %12.2f %14.2fx %21.2fx%n", i + 1,
                        micros(i, Client.RAW, metric), micros(i, Client.CAMEL_HTTP, metric),
                        micros(i, Client.COMPONENT, metric), ratio(i, Client.RAW, metric),
                        ratio(i, Client.CAMEL_HTTP, metric)));
            }
            out.append(String.format("%-6s %12.2f %12.2f %12.2f %14.2fx %21.2fx%n", "median",
                    medianMicros(Client.RAW, metric), medianMicros(Client.CAMEL_HTTP, metric),
                    medianMicros(Client.COMPONENT, metric), medianRatio(Client.RAW, metric),
                    medianRatio(Client.CAMEL_HTTP, metric)));
            out.append(String.format("%s ratios over %d rounds: component/raw %s, component/camel-http %s%n",
                    metric.label, rounds.size(), range(Client.RAW, metric), range(Client.CAMEL_HTTP, metric)));
        }
        return out.toString();
    }

    private String range(Client baseline, Metric metric) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < rounds.size(); i++) {
            min = Math.min(min, ratio(i, baseline, metric));
            max = Math.max(max, ratio(i, baseline, metric));
        }
        return String.format("%.2f-%.2fx", min, max);
    }
}
