// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The exporting side of {@link ExportBenchmark}, in a JVM of its own (started with a small heap): one route takes
 * every contact of the account with {@code paginate=true} through {@code split(body()).streaming()}, counting the
 * ids it receives, while {@link HeapWatch} follows the heap. Prints one {@value #RESULT} line of JSON.
 * <p>
 * Arguments: baseUrl contacts pageSize rateLimit; the token comes from the {@value #TOKEN_VARIABLE} environment
 * variable, never from the command line.
 */
public final class ExportChild {

    static final String RESULT = "EXPORT-RESULT ";
    static final String TOKEN_VARIABLE = "BENCHMARK_API_TOKEN";

    private ExportChild() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        long contacts = Long.parseLong(args[1]);
        int pageSize = Integer.parseInt(args[2]);
        double rateLimit = Double.parseDouble(args[3]);
        DeliveredIds ids = new DeliveredIds(contacts);
        Map<String, Object> result = new LinkedHashMap<>();
        try (HeapWatch heap = new HeapWatch(); CamelContext context = new DefaultCamelContext()) {
            ComponentOptions.account(baseUrl, System.getenv(TOKEN_VARIABLE))
                    .with("rateLimit", rateLimit)
                    .applyTo(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:export")
                            .to("activecampaign:contacts/list?paginate=true&pageSize=" + pageSize)
                            .split(body()).streaming()
                                .process(exchange -> ids.accept(exchange.getMessage().getBody()));
                }
            });
            context.start();
            long start = System.nanoTime();
            Exchange exchange = context.createProducerTemplate().request("direct:export", e -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            result.put("seconds", seconds);
            result.put("failure", exchange.getException() == null ? null : exchange.getException().toString());
            result.put("peakHeapBytes", heap.peakUsed());
            result.put("peakHeapAfterGcBytes", heap.peakAfterGc());
            result.put("collections", heap.collections());
        }
        result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        result.put("delivered", ids.delivered());
        result.put("duplicates", ids.duplicates());
        result.put("unexpected", ids.unexpected());
        result.put("missing", ids.missing());
        System.out.println(RESULT + new ObjectMapper().writeValueAsString(result));
    }
}
