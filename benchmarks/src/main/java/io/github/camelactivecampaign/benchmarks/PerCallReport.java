// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.camelactivecampaign.benchmarks.PerCallRun.Client;

/**
 * Microseconds per call of each client, per round, and the two ratios the speed goal is stated in: the component
 * against a hand-written client and against a hand-written camel-http route.
 */
public record PerCallReport(List<Map<Client, Double>> rounds) {

    public PerCallReport {
        rounds = List.copyOf(rounds);
    }

    public double componentToRaw(int round) {
        return ratio(rounds.get(round), Client.RAW);
    }

    public double componentToCamelHttp(int round) {
        return ratio(rounds.get(round), Client.CAMEL_HTTP);
    }

    private static double ratio(Map<Client, Double> round, Client baseline) {
        return round.get(Client.COMPONENT) / round.get(baseline);
    }

    public double medianMicros(Client client) {
        return Stats.median(rounds.stream().mapToDouble(r -> r.get(client)).toArray());
    }

    public double medianComponentToRaw() {
        return median(r -> ratio(r, Client.RAW));
    }

    public double medianComponentToCamelHttp() {
        return median(r -> ratio(r, Client.CAMEL_HTTP));
    }

    private double median(ToDoubleFunction<Map<Client, Double>> ratio) {
        return Stats.median(rounds.stream().mapToDouble(ratio).toArray());
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Per call, GET of one contact on a loopback server (us/call, JMH average time)\n");
        out.append(String.format("%-6s %12s %12s %12s %15s %22s%n", "round", "raw", "camel-http", "component",
                "component/raw", "component/camel-http"));
        for (int i = 0; i < rounds.size(); i++) {
            Map<Client, Double> round = rounds.get(i);
            out.append(String.format("%-6d %12.2f %12.2f %12.2f %14.2fx %21.2fx%n", i + 1, round.get(Client.RAW),
                    round.get(Client.CAMEL_HTTP), round.get(Client.COMPONENT), componentToRaw(i),
                    componentToCamelHttp(i)));
        }
        out.append(String.format("%-6s %12.2f %12.2f %12.2f %14.2fx %21.2fx%n", "median", medianMicros(Client.RAW),
                medianMicros(Client.CAMEL_HTTP), medianMicros(Client.COMPONENT), medianComponentToRaw(),
                medianComponentToCamelHttp()));
        out.append(String.format("ratios over %d rounds: component/raw %s, component/camel-http %s%n", rounds.size(),
                range(this::componentToRaw), range(this::componentToCamelHttp)));
        return out.toString();
    }

    private String range(java.util.function.IntToDoubleFunction ratio) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < rounds.size(); i++) {
            min = Math.min(min, ratio.applyAsDouble(i));
            max = Math.max(max, ratio.applyAsDouble(i));
        }
        return String.format("%.2f-%.2fx", min, max);
    }
}
