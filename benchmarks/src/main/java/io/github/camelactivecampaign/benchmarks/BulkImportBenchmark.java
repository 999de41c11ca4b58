// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;

/**
 * A bulk import of N contacts against the simulator with its limits scaled: the bulk call limit's window and the
 * account's rate limit both divided by the scale (10: 100 multi-contact calls per 6 s, 50 requests/s), on the
 * simulator and the component alike. The floor is 250 contacts x the calls allowed per minute. The import runs in a
 * child JVM with a small heap ({@link BulkImportChild}); the simulator, in this JVM, counts the 429s and the calls
 * its bulk call limit refused.
 */
public final class BulkImportBenchmark {

    /**
     * @param contacts    contacts to import
     * @param scale       how much faster than the service's limits
     * @param concurrency the component's bulkConcurrency
     * @param maxHeap     the child JVM's -Xmx
     */
    public record Settings(int contacts, int scale, int concurrency, String maxHeap) {

        public static Settings from(BenchmarkOptions options) {
            return new Settings(options.integer("contacts", 100_000), options.integer("scale", 10),
                    options.integer("concurrency", 2), options.text("max-heap", "64m"));
        }

        /** Calls a minute: the bulk limit's 100 per window, or the account's rate if that is lower. */
        double callsPerMinute() {
            return Math.min(100.0 * scale, 5.0 * scale * 60);
        }

        double floorContactsPerMinute() {
            return 250 * callsPerMinute();
        }
    }

    /** What a run measured. */
    public record Report(Settings settings, double seconds, long sent, long failed, long batches,
                         double contactsPerMinute, Double steadyContactsPerMinute, long tooMany, long refusals,
                         long peakHeapBytes, long maxHeapBytes) {

        public double ofFloor() {
            return contactsPerMinute / settings.floorContactsPerMinute();
        }

        public Double steadyOfFloor() {
            return steadyContactsPerMinute == null ? null
                    : steadyContactsPerMinute / settings.floorContactsPerMinute();
        }

        public String format() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("bulk import: %,d contacts, scale %d (100 multi-contact calls per %d ms, "
                                     + "%.0f requests/s), bulkConcurrency %d%n", settings.contacts(), settings.scale(),
                    60_000 / settings.scale(), 5.0 * settings.scale(), settings.concurrency()));
            out.append(String.format("floor                      : %,.0f contacts/min (250 x %.0f calls/min)%n",
                    settings.floorContactsPerMinute(), settings.callsPerMinute()));
            out.append(String.format("sent / failed / batches    : %,d / %d / %d in %.1f s%n", sent, failed, batches,
                    seconds));
            out.append(String.format("rate, whole run            : %,.0f contacts/min = %.3f of the floor%n",
                    contactsPerMinute, ofFloor()));
            if (steadyContactsPerMinute != null) {
                out.append(String.format("rate, after the first window: %,.0f contacts/min = %.3f of the floor%n",
                        steadyContactsPerMinute, steadyOfFloor()));
            }
            out.append(String.format("429s / bulk limit refusals : %d / %d%n", tooMany, refusals));
            out.append(String.format("peak heap in use           : %.1f MB of %.0f MB (-Xmx%s)%n",
                    peakHeapBytes / 1048576.0, maxHeapBytes / 1048576.0, settings.maxHeap()));
            return out.toString();
        }
    }

    private BulkImportBenchmark() {
    }

    public static Report run(Settings settings) throws Exception {
        Duration window = Duration.ofMillis(60_000 / settings.scale());
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.builder()
                .rateLimit(5.0 * settings.scale()).bulkImportLimits(100, 20, window).start()) {
            JsonNode child = importAll(simulator, settings);
            long tooMany = SimulatorJournal.withStatus(simulator.journal(), 429);
            return new Report(settings, child.path("seconds").asDouble(), child.path("sent").asLong(),
                    child.path("failed").asLong(), child.path("batches").asLong(),
                    child.path("contactsPerMinute").asDouble(),
                    child.path("steadyContactsPerMinute").isNull() ? null
                            : child.path("steadyContactsPerMinute").asDouble(),
                    tooMany, simulator.bulkImportRefusals(), child.path("peakHeapBytes").asLong(),
                    child.path("maxHeapBytes").asLong());
        }
    }

    private static JsonNode importAll(ActiveCampaignSimulator simulator, Settings settings) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + settings.maxHeap(),
                "-cp", System.getProperty("java.class.path"), BulkImportChild.class.getName(),
                simulator.baseUrl(), String.valueOf(settings.contacts()), String.valueOf(settings.scale()),
                String.valueOf(settings.concurrency()))
                .redirectErrorStream(true);
        builder.environment().put(ExportChild.TOKEN_VARIABLE, simulator.token());
        Path log = Files.createTempFile("bulk-import-child", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            long floorSeconds = (long) (settings.contacts() * 60.0 / settings.floorContactsPerMinute());
            long timeout = floorSeconds * 5 + 120;
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The importing JVM did not finish within " + timeout + " s:\n"
                                                + Files.readString(log));
            }
            List<String> output = Files.readAllLines(log);
            String result = output.stream().filter(line -> line.startsWith(BulkImportChild.RESULT))
                    .map(line -> line.substring(BulkImportChild.RESULT.length())).findFirst().orElse(null);
            if (process.exitValue() != 0 || result == null) {
                throw new IllegalStateException("The importing JVM failed (exit " + process.exitValue() + "):\n"
                                                + String.join("\n", output));
            }
            return new ObjectMapper().readTree(result);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
