// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import io.github.camelactivecampaign.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads on three endpoints of one account, against a simulator that enforces the real 5 requests/second:
 * no 429 reaches a route and every call completes. Bounded to a few seconds on
 * loopback; the budget benchmark (benchmarks/, docs/benchmarks.md) measures the same over a longer run.
 */
class RateLimitLoadTest extends CamelTestSupport {

    static final double LIMIT = 5;
    static final long RUN_MILLIS = 4000;
    static final int THREADS = 12;

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(LIMIT));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(activeCampaign.simulator().baseUrl());
        component.getConfiguration().setApiKey(activeCampaign.simulator().token());
        context.addComponent("activecampaign", component);
        return context;
    }

    @Test
    void noRateLimitAnswerReachesARouteAndTheBudgetIsUsed() throws Exception {
        Result result = load(template, activeCampaign.simulator(), RUN_MILLIS, THREADS);
        assertThat(result.failures()).as("exceptions in routes").isEmpty();
        long refused = activeCampaign.simulator().journal().stream().filter(r -> r.status() == 429).count();
        double rate = result.rate();
        System.out.printf("load: %d calls in %.1f s, %.2f requests/s = %.0f%% of the %.0f/s limit, %d 429s retried%n",
                result.completed(), result.seconds(), rate, 100 * rate / LIMIT, LIMIT, refused);
        // how much of the budget is used is a figure of the benchmarks (docs/benchmarks.md), not of this test: on a
        // busy 2-core machine a threshold on speed would fail for reasons that are not the component's
        assertThat(result.completed()).as("calls completed").isGreaterThan(THREADS);
    }

    record Result(int completed, double seconds, double rate, List<Throwable> failures) {
    }

    /** Runs THREADS threads over three operations until the time is up; the achieved rate of successful calls. */
    static Result load(ProducerTemplate template, ActiveCampaignSimulator simulator, long runMillis, int threads)
            throws Exception {
        String[] uris = { "activecampaign:deals/list", "activecampaign:contacts/list", "activecampaign:tags/list" };
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Long> completions = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runMillis);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    Exchange exchange = template.request(uris[next.getAndIncrement() % uris.length], e -> { });
                    if (exchange.getException() != null) {
                        failures.add(exchange.getException());
                    } else if (System.nanoTime() < end) {
                        completions.add(System.nanoTime());
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(runMillis + 60_000, TimeUnit.MILLISECONDS)).isTrue();
        List<Long> sorted = completions.stream().sorted().toList();
        double seconds = (sorted.get(sorted.size() - 1) - sorted.get(0)) / 1e9;
        double rate = (sorted.size() - 1) / seconds;
        List<RecordedRequest> journal = simulator.journal();
        assertThat(journal).isNotEmpty();
        return new Result(sorted.size(), seconds, rate, failures);
    }
}
