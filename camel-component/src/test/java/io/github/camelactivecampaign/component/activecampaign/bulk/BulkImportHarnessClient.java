// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The producer side of {@link BulkImportHarness}: imports generated contacts through
 * {@code activecampaign:import/bulkImport} with the scaled limits, samples the heap in use, and prints the summary
 * and the rate (contacts per minute from the first call to the last answer).
 */
public final class BulkImportHarnessClient {

    private BulkImportHarnessClient() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String token = args[1];
        int contacts = Integer.parseInt(args[2]);
        int scale = Integer.parseInt(args[3]);
        String concurrency = args.length > 4 ? "&bulkConcurrency=" + args[4] : "";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ActiveCampaignComponent component = new ActiveCampaignComponent();
            component.getConfiguration().setBaseUrl(baseUrl);
            component.getConfiguration().setApiKey(token);
            component.getConfiguration().setRateLimit(5.0 * scale);
            context.addComponent("activecampaign", component);
            // the first window's calls go out at once (the service allows that burst too): the steady rate is
            // measured from the end of the first 100 calls
            long[] firstWindow = new long[2];
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:progress").process(e -> {
                        if (e.getMessage().getBody() instanceof BulkImportProgress progress
                            && progress.batches() == 100) {
                            firstWindow[0] = System.nanoTime();
                            firstWindow[1] = progress.sent();
                        }
                    });
                }
            });
            context.start();
            String uri = "activecampaign:import/bulkImport?bulkWindow=" + 60_000 / scale + "&bulkLogProgress=false"
                         + "&bulkProgressEndpoint=direct:progress" + concurrency;
            BulkImportSummary summary = context.createProducerTemplate().requestBody(uri, generate(contacts),
                    BulkImportSummary.class);
            long end = System.nanoTime();
            System.out.println(summary);
            System.out.printf("rate %.1f%n", summary.contactsPerMinute());
            if (firstWindow[0] > 0) {
                System.out.printf("steady %.1f%n", (summary.sent() - firstWindow[1]) * 60e9 / (end - firstWindow[0]));
            }
            System.out.printf("refusals for the bulk call limit: %d%n", summary.rateLimitRefusals());
        }
        sampler.shutdownNow();
        System.out.printf("peak heap in use (sampled every 20 ms, garbage included): %.1f MB of %.0f MB max%n",
                peak.get() / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
    }

    /** Contacts made as they are read: the input itself takes no memory. */
    private static Iterator<Map<String, Object>> generate(int count) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Map<String, Object> next() {
                int i = next++;
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("email", "bench" + i + "@example.com");
                contact.put("first_name", "Bench");
                contact.put("last_name", "Contact " + i);
                contact.put("tags", "benchmark");
                return contact;
            }
        };
    }
}
