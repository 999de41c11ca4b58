// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.RecordedRequest;

/**
 * A full export of N contacts against the simulator, whose rate limit is scaled up with the component's so that
 * the run is short and the ratio to the floor is the same: the floor is ceil(N / pageSize) pages at the account's
 * rate. The export runs in a child JVM with a small heap ({@link ExportChild}); the simulator, in this JVM, counts
 * the pages and 429s it served.
 */
public final class ExportBenchmark {

    private static final String OPERATION = "contacts/list";
    private static final int SEED_CHUNK = 5_000;

    /**
     * @param contacts  records in the account
     * @param pageSize  the component's pageSize
     * @param rateLimit requests per second, enforced by the simulator and configured on the component alike
     * @param maxHeap   the child JVM's -Xmx
     */
    public record Settings(int contacts, int pageSize, double rateLimit, String maxHeap) {

        public static Settings from(BenchmarkOptions options) {
            return new Settings(options.integer("contacts", 100_000), options.integer("page-size", 100),
                    options.decimal("rate", 50), options.text("max-heap", "64m"));
        }

        double floorSeconds() {
            return Stats.pages(contacts, pageSize) / rateLimit;
        }
    }

    private ExportBenchmark() {
    }

    public static ExportReport run(Settings settings, Consumer<String> progress) throws Exception {
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.builder()
                .rateLimit(settings.rateLimit()).start()) {
            long seedStart = System.nanoTime();
            seed(simulator, settings.contacts());
            progress.accept(String.format("seeded %,d contacts in %.1f s; exporting (floor %.1f s)",
                    settings.contacts(), (System.nanoTime() - seedStart) / 1e9, settings.floorSeconds()));
            JsonNode child = export(simulator, settings);
            List<RecordedRequest> journal = simulator.journal();
            List<RecordedRequest> pages = simulator.journal(OPERATION);
            // after the export, so that these pages are neither counted nor spent from the export's budget
            double pageMillis = SimulatorPageCost.medianMillis(simulator, settings.rateLimit(), settings.contacts(),
                    settings.pageSize());
            return new ExportReport(settings,
                    child.path("seconds").asDouble(),
                    SimulatorJournal.withStatus(pages, 200), SimulatorJournal.withStatus(journal, 429),
                    SimulatorJournal.full(journal),
                    child.path("failure").isNull() ? null : child.path("failure").asText(),
                    child.path("delivered").asLong(), child.path("duplicates").asLong(),
                    child.path("missing").asLong(), child.path("unexpected").asLong(),
                    child.path("peakHeapBytes").asLong(), child.path("peakHeapAfterGcBytes").asLong(),
                    child.path("maxHeapBytes").asLong(), pageMillis);
        }
    }

    /** Contacts 1..N, shaped like the service's contacts (the fields every contact carries). */
    private static void seed(ActiveCampaignSimulator simulator, int contacts) {
        for (int from = 1; from <= contacts; from += SEED_CHUNK) {
            int to = Math.min(contacts, from + SEED_CHUNK - 1);
            StringBuilder json = new StringBuilder(400 * (to - from + 1)).append("{\"contacts\":[");
            for (int id = from; id <= to; id++) {
                if (id > from) {
                    json.append(',');
                }
                json.append("{\"id\":\"").append(id).append("\",\"email\":\"contact").append(id)
                        .append("@example.com\",\"phone\":\"\",\"firstName\":\"First").append(id)
                        .append("\",\"lastName\":\"Last").append(id).append("\",\"orgid\":\"0\",\"segmentio_id\":\"\","
                                + "\"bounced_hard\":\"0\",\"bounced_soft\":\"0\",\"bounced_date\":null,\"ip\":\"0\","
                                + "\"ua\":null,\"hash\":\"\",\"email_local\":\"\",\"email_domain\":\"\","
                                + "\"sentcnt\":\"0\",\"gravatar\":\"0\",\"deleted\":\"0\","
                                + "\"cdate\":\"2024-01-02T03:04:05-06:00\",\"udate\":\"2024-01-02T03:04:05-06:00\"}");
            }
            simulator.seed(json.append("]}").toString());
        }
    }

    private static JsonNode export(ActiveCampaignSimulator simulator, Settings settings) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + settings.maxHeap(),
                "-cp", System.getProperty("java.class.path"), ExportChild.class.getName(),
                simulator.baseUrl(), String.valueOf(settings.contacts()), String.valueOf(settings.pageSize()),
                String.valueOf(settings.rateLimit()))
                .redirectErrorStream(true);
        builder.environment().put(ExportChild.TOKEN_VARIABLE, simulator.token());
        Path log = Files.createTempFile("export-child", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            long timeout = (long) (settings.floorSeconds() * 5) + 120;
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The exporting JVM did not finish within " + timeout + " s:\n"
                                                + Files.readString(log));
            }
            List<String> output = Files.readAllLines(log);
            String result = output.stream().filter(line -> line.startsWith(ExportChild.RESULT))
                    .map(line -> line.substring(ExportChild.RESULT.length())).findFirst().orElse(null);
            if (process.exitValue() != 0 || result == null) {
                throw new IllegalStateException("The exporting JVM failed (exit " + process.exitValue() + "):\n"
                                                + String.join("\n", output));
            }
            return new ObjectMapper().readTree(result);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
