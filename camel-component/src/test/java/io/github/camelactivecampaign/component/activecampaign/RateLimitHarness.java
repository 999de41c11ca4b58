// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Measures, over a longer run than RateLimitLoadTest, the rate the component achieves against a simulator that
 * enforces 5 requests/second, next to a baseline measured in the same run: the same load through a naive client
 * (no limiter, no retry), whose 429s reach the routes. Not a unit test; run it with
 * {@code mvn -B -q -pl camel-component test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.camelactivecampaign.component.activecampaign.RateLimitHarness [-Dexec.args=30]}.
 */
public final class RateLimitHarness {

    private RateLimitHarness() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        try (ActiveCampaignSimulator simulator = ActiveCampaignSimulator.builder().rateLimit(5).start()) {
            Run component = run(simulator, seconds, false);
            simulator.reset();
            Run naive = run(simulator, seconds, true);
            System.out.printf("limit                  : 5.00 requests/s%n");
            System.out.printf("component (limiter)    : %.2f successful requests/s (%.0f%% of the limit), %d failed%n",
                    component.rate, 100 * component.rate / 5, component.failed);
            System.out.printf("naive client (baseline): %.2f successful requests/s (%.0f%% of the limit), %d failed "
                              + "with 429%n", naive.rate, 100 * naive.rate / 5, naive.failed);
        }
    }

    private record Run(double rate, int failed) {
    }

    private static Run run(ActiveCampaignSimulator simulator, long seconds, boolean naive) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ActiveCampaignComponent component = new ActiveCampaignComponent();
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            component.getConfiguration().setApiKey(simulator.token());
            if (naive) {
                component.getConfiguration().setRateLimiter(new NoRateLimiter());
                component.getConfiguration().setMaxAttempts(1);
            }
            context.addComponent("activecampaign", component);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            RateLimitLoadTest.Result result = RateLimitLoadTest.load(template, simulator, seconds * 1000, 12);
            return new Run(result.rate(), result.failures().size());
        }
    }

    /** No limit at all: what a client without a limiter does. */
    private static final class NoRateLimiter implements ActiveCampaignRateLimiter {
        @Override
        public boolean acquire(Duration maxWait) {
            return true;
        }

        @Override
        public void pause(Duration wait) {
            // ignores the service's Retry-After, as naive clients do
        }

        @Override
        public double permitsPerSecond() {
            return Double.MAX_VALUE;
        }
    }
}
