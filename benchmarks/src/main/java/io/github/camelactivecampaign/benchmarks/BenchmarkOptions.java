// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The {@code --name=value} options of a benchmark command; a name given but never read is reported as unknown. */
public final class BenchmarkOptions {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    public BenchmarkOptions(String... args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new IllegalArgumentException("Options are written --name=value, e.g. --contacts=100000; got '"
                                                   + arg + "'");
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    public int integer(String name, int defaultValue) {
        String value = take(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number; was '" + value + "'");
        }
    }

    public double decimal(String name, double defaultValue) {
        String value = take(name);
        try {
            return value == null ? defaultValue : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number; was '" + value + "'");
        }
    }

    public String text(String name, String defaultValue) {
        String value = take(name);
        return value == null ? defaultValue : value;
    }

    /** Fails naming the options that no setting read: a typo must not silently run the default. */
    public void checkAllUsed() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown + "; see docs/benchmarks.md");
        }
    }

    private String take(String name) {
        read.add(name);
        return values.get(name);
    }
}
