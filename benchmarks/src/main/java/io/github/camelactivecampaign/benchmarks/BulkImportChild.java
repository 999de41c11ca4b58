// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportProgress;
import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportSummary;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The importing side of {@link BulkImportBenchmark}, in a JVM of its own (started with a small heap): generated
 * contacts, read one at a time from an Iterator, through {@code activecampaign:import/bulkImport} with the scaled
 * limits, while {@link HeapWatch} follows the heap. Prints one {@value #RESULT} line of JSON.
 * <p>
 * Arguments: baseUrl contacts scale concurrency; the token comes from the {@value ExportChild#TOKEN_VARIABLE}
 * environment variable.
 */
public final class BulkImportChild {

    static final String RESULT = "BULK-IMPORT-RESULT ";
    /** The calls of the first window may go out at once: the steady rate is measured from the end of them. */
    static final int FIRST_WINDOW_CALLS = 100;

    private BulkImportChild() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int contacts = Integer.parseInt(args[1]);
        int scale = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        Map<String, Object> result = new LinkedHashMap<>();
        long[] firstWindow = new long[2];
        try (HeapWatch heap = new HeapWatch(); CamelContext context = new DefaultCamelContext()) {
            ComponentOptions.account(baseUrl, System.getenv(ExportChild.TOKEN_VARIABLE))
                    .with("rateLimit", 5.0 * scale)
                    .applyTo(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:progress").process(e -> {
                        if (e.getMessage().getBody() instanceof BulkImportProgress progress
                            && progress.batches() == FIRST_WINDOW_CALLS) {
                            firstWindow[0] = System.nanoTime();
                            firstWindow[1] = progress.sent();
                        }
                    });
                }
            });
            context.start();
            String uri = "activecampaign:import/bulkImport?bulkWindow=" + 60_000 / scale + "&bulkConcurrency="
                         + concurrency + "&bulkLogProgress=false&bulkProgressEndpoint=direct:progress";
            long start = System.nanoTime();
            BulkImportSummary summary = context.createProducerTemplate().requestBody(uri, generate(contacts),
                    BulkImportSummary.class);
            long end = System.nanoTime();
            result.put("seconds", (end - start) / 1e9);
            result.put("batches", summary.batches());
            result.put("sent", summary.sent());
            result.put("accepted", summary.accepted());
            result.put("failed", summary.failed());
            result.put("refusals", summary.rateLimitRefusals());
            result.put("contactsPerMinute", summary.contactsPerMinute());
            result.put("steadyContactsPerMinute", firstWindow[0] == 0 ? null
                    : (summary.sent() - firstWindow[1]) * 60e9 / (end - firstWindow[0]));
            result.put("peakHeapBytes", heap.peakUsed());
            result.put("peakHeapAfterGcBytes", heap.peakAfterGc());
        }
        result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        System.out.println(RESULT + new ObjectMapper().writeValueAsString(result));
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
