// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.HttpResponseAware;

/**
 * How much of one account's budget many threads get through the component: T threads call several operations of
 * the account as fast as the component lets them, against the simulator enforcing the limit (the service's 5/s, or
 * scaled up to shorten the run). Successful calls are counted in a window that starts after a warm-up, so that the
 * burst the first second allows does not flatter the figure.
 */
public final class BudgetBenchmark {

    static final List<String> OPERATIONS = List.of(
            "activecampaign:contacts/list",
            "activecampaign:deals/list",
            "activecampaign:tags/list",
            "activecampaign:contacts/get?id=1");

    /**
     * @param rateLimit     requests per second, enforced by the simulator and configured on the component alike
     * @param threads       calling threads
     * @param warmupSeconds calls completed before this are not counted
     * @param seconds       the measured window
     */
    public record Settings(double rateLimit, int threads, double warmupSeconds, double seconds) {

        public static Settings from(BenchmarkOptions options) {
            return new Settings(options.decimal("rate", 5), options.integer("threads", 16),
                    options.decimal("warmup-seconds", 2), options.decimal("seconds", 30));
        }
    }

    private BudgetBenchmark() {
    }

    public static BudgetReport run(Settings settings) throws Exception {
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.builder()
                .rateLimit(settings.rateLimit()).start();
             CamelContext context = new DefaultCamelContext()) {
            simulator.seed("""
                    {"contacts": [{"id": "1", "email": "budget@example.com"}],
                     "deals": [{"id": "1", "title": "Budget", "contact": "1", "value": "1000", "currency": "usd"}],
                     "tags": [{"id": "1", "tag": "budget", "tagType": "contact"}]}
                    """);
            ComponentOptions.account(simulator.baseUrl(), simulator.token())
                    .with("rateLimit", settings.rateLimit())
                    .applyTo(context);
            context.start();
            List<Endpoint> endpoints = OPERATIONS.stream().map(context::getEndpoint).toList();
            Counts counts = load(context.createProducerTemplate(), endpoints, settings);
            List<RecordedRequest> journal = simulator.journal();
            return new BudgetReport(settings, counts.inWindow.get(), counts.succeeded.get(), counts.failed.get(),
                    counts.failed429.get(), journal.size(),
                    SimulatorJournal.withStatus(journal, 429), SimulatorJournal.full(journal));
        }
    }

    private static final class Counts {
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong inWindow = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong failed429 = new AtomicLong();
    }

    private static Counts load(ProducerTemplate template, List<Endpoint> endpoints, Settings settings)
            throws InterruptedException {
        Counts counts = new Counts();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long windowStart = start + (long) (settings.warmupSeconds() * 1e9);
        long end = windowStart + (long) (settings.seconds() * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        for (int t = 0; t < settings.threads(); t++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    Endpoint endpoint = endpoints.get((int) (next.getAndIncrement() % endpoints.size()));
                    Exchange exchange = template.request(endpoint, e -> { });
                    long now = System.nanoTime();
                    if (exchange.getException() != null) {
                        counts.failed.incrementAndGet();
                        if (is429(exchange.getException())) {
                            counts.failed429.incrementAndGet();
                        }
                    } else {
                        counts.succeeded.incrementAndGet();
                        if (now >= windowStart && now < end) {
                            counts.inWindow.incrementAndGet();
                        }
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination((long) (settings.warmupSeconds() + settings.seconds()) + 120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("The calling threads did not finish");
        }
        return counts;
    }

    private static boolean is429(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseAware aware && aware.getHttpResponseCode() == 429) {
                return true;
            }
        }
        return false;
    }
}
