// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client tells the account's limiter: the operation of each slot it takes, each answer, a 429 with its
 * Retry-After, and the service's RateLimit-Remaining.
 */
class RateLimitSignalsTest extends ActiveCampaignTestSupport {

    /** Writes down what the client says. */
    static final class RecordingLimiter implements ActiveCampaignRateLimiter {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public boolean acquire(Duration maxWait) {
            events.add("acquire");
            return true;
        }

        @Override
        public boolean acquire(String operation, Duration maxWait) {
            events.add("acquire " + operation);
            return true;
        }

        @Override
        public void answered() {
            events.add("answered");
        }

        @Override
        public void pause(Duration wait) {
            events.add("pause " + wait.toSeconds());
        }

        @Override
        public void rateLimited(Duration retryAfter) {
            events.add("429 " + retryAfter.toSeconds());
        }

        @Override
        public void remaining(long remaining) {
            events.add("remaining " + remaining);
        }

        @Override
        public double permitsPerSecond() {
            return 5;
        }
    }

    @Test
    void a429AndTheRemainingBudgetReachTheLimiter() {
        RecordingLimiter limiter = new RecordingLimiter();
        context.getRegistry().bind("recordingLimiter", limiter);
        wireMock.stubFor(any(anyUrl()).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"message\":\"Rate limit exceeded\"}"))
                .willSetStateTo("ok"));
        wireMock.stubFor(any(anyUrl()).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("RateLimit-Remaining", "0")
                        .withBody("{\"deal\":{\"id\":\"7\"}}")));

        Exchange exchange = template.request("activecampaign:deals/get?id=7&rateLimiter=#recordingLimiter", e -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(limiter.events).containsExactly(
                "acquire deals/get", "answered", "429 1",
                "acquire deals/get", "answered", "remaining 0");
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.RATE_LIMIT_REMAINING)).isEqualTo("0");
    }

    @Test
    void aRetryAfterOnA503PausesWithoutCallingIt429() {
        RecordingLimiter limiter = new RecordingLimiter();
        context.getRegistry().bind("recordingLimiter", limiter);
        wireMock.stubFor(any(anyUrl()).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        wireMock.stubFor(any(anyUrl()).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"deal\":{\"id\":\"7\"}}")));

        Exchange exchange = template.request("activecampaign:deals/get?id=7&rateLimiter=#recordingLimiter", e -> { });

        assertThat(exchange.getException()).isNull();
        assertThat(limiter.events).containsExactly("acquire deals/get", "answered", "pause 1",
                "acquire deals/get", "answered");
    }
}
