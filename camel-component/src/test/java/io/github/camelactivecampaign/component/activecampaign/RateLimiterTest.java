// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.internal.AccountRateLimiters;
import io.github.camelactivecampaign.component.activecampaign.client.internal.BucketRateLimiter;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's limiter: bounded waits, one limiter per account in the JVM, a custom limiter from the registry,
 * the 403 decisions.
 */
class RateLimiterTest extends ActiveCampaignTestSupport {

    @Test
    void requestThatWouldWaitTooLongFailsFastWithoutTakingASlot() throws Exception {
        ActiveCampaignRateLimiter limiter = BucketRateLimiter.local(1);
        assertThat(limiter.acquire(Duration.ZERO)).isTrue();
        // the next slot is about a second away
        assertThat(limiter.acquire(Duration.ofMillis(10))).isFalse();
        assertThat(limiter.acquire(Duration.ofMillis(10))).as("a refused request takes no slot").isFalse();
    }

    @Test
    void boundedWaitBecomesARateLimitException() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        context.getRegistry().bind("slowLimiter", BucketRateLimiter.local(0.01));
        String uri = "activecampaign:deals/get?id=7&rateLimiter=#slowLimiter&maxRateLimitWait=50";
        assertThat(template.request(uri, e -> { }).getException()).isNull();
        Exchange second = template.request(uri, e -> { });
        assertThat(second.getException()).isInstanceOf(ActiveCampaignRateLimitException.class)
                .hasMessageContaining("deals/get was not sent")
                .hasMessageContaining("maxRateLimitWait");
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
    }

    @Test
    void oneLimiterPerAccountAcrossCamelContexts() throws Exception {
        ActiveCampaignRateLimiter first = AccountRateLimiters.forAccount("https://a.api-us1.com/api/3", "t1", 5);
        assertThat(AccountRateLimiters.forAccount("https://a.api-us1.com/api/3", "t1", 5)).isSameAs(first);
        assertThat(AccountRateLimiters.forAccount("https://a.api-us1.com/api/3", "t2", 5)).isNotSameAs(first);
        assertThat(AccountRateLimiters.forAccount("https://b.api-us1.com/api/3", "t1", 5)).isNotSameAs(first);

        // two CamelContexts on one account: a 429 answered to one pauses the other too
        wireMock.stubFor(any(anyUrl()).inScenario("pause")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        wireMock.stubFor(any(anyUrl()).inScenario("pause").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            ActiveCampaignComponent component = new ActiveCampaignComponent();
            component.getConfiguration().setBaseUrl(baseUrl());
            component.getConfiguration().setApiKey(TOKEN);
            other.addComponent("activecampaign", component);
            other.start();
            java.util.concurrent.CompletableFuture<Exchange> limited = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> template.request("activecampaign:deals/get?id=7", e -> { }));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> wireMock.getAllServeEvents().size() == 1);
            long start = System.nanoTime();
            Exchange held = other.createProducerTemplate().request("activecampaign:deals/get?id=8", e -> { });
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(held.getException()).isNull();
            assertThat(limited.get().getException()).isNull();
            // held back by the 2 s pause the first context's 429 set; only a lower bound (slowness adds to it)
            assertThat(waitedMillis).isGreaterThan(1000);
        }
    }

    @Test
    void authorizationForbiddenFailsFastButThrottling403IsRetried() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"You are not authorized to access this resource\"}")));
        Exchange auth = template.request("activecampaign:deals/get?id=7&retryBackoff=10", e -> { });
        assertThat(auth.getException()).isInstanceOf(ActiveCampaignException.class).hasMessageContaining("Check apiKey");
        assertThat(wireMock.getAllServeEvents()).as("never retried").hasSize(1);

        wireMock.resetAll();
        wireMock.stubFor(any(anyUrl()).inScenario("throttle")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withBody("<html>Request blocked</html>")).willSetStateTo("ok"));
        wireMock.stubFor(any(anyUrl()).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"deal\":{}}")));
        Exchange throttled = template.request("activecampaign:deals/get?id=7&retryBackoff=10", e -> { });
        assertThat(throttled.getException()).isNull();
        assertThat(wireMock.getAllServeEvents()).hasSize(2);

        wireMock.resetAll();
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403).withBody("<html>blocked</html>")));
        Exchange post = template.request("activecampaign:deals/create?retryBackoff=10",
                e -> e.getMessage().setBody(Map.of("title", "x")));
        assertThat(post.getException()).isInstanceOf(ActiveCampaignException.class);
        assertThat(wireMock.getAllServeEvents()).as("a POST is never retried on 403").hasSize(1);
    }

    @Test
    void optInRetriesAPostAfterAReset() {
        wireMock.stubFor(any(anyUrl()).inScenario("reset")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("ok"));
        wireMock.stubFor(any(anyUrl()).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody("{\"deal\":{\"id\":\"1\"}}")));
        Exchange exchange = template.request("activecampaign:deals/create?retryNonIdempotent=true&retryBackoff=10",
                e -> e.getMessage().setBody(Map.of("title", "x")));
        assertThat(exchange.getException()).isNull();
        assertThat(wireMock.getAllServeEvents()).hasSize(2);
    }

    @Test
    void refusedConnectionIsRetriedEvenForAPost() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Exchange exchange = template.request("activecampaign:deals/create?baseUrl=http://127.0.0.1:" + closedPort
                                             + "/api/3&retryBackoff=10&maxAttempts=3",
                e -> e.getMessage().setBody(Map.of("title", "x")));
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class)
                .hasMessageContaining("could not reach").hasMessageContaining("gave up after 3 attempts");
    }
}
