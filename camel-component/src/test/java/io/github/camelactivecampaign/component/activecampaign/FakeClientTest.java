// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException;
import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer and the consumer against a client bound in the registry (the autowired {@code client} option): no
 * HTTP at all, and the answers and failures mapped as for the real client.
 */
class FakeClientTest extends CamelTestSupport {

    private final FakeActiveCampaignClient client = new FakeActiveCampaignClient(request -> switch (request.path()) {
        case "/deals/7" -> FakeActiveCampaignClient.ok("{\"deal\":{\"id\":\"7\",\"title\":\"Big\",\"value\":\"12000\"}}");
        case "/deals/8" -> new ActiveCampaignResponse(422, "Unprocessable Entity",
                "{\"errors\":[{\"title\":\"Title is required\",\"source\":{\"pointer\":\"/data/attributes/title\"}}]}",
                "application/json", Map.of());
        case "/deals/9" -> throw new ActiveCampaignTransportException("not sent", request.operation(),
                ActiveCampaignTransportException.Reason.RATE_LIMITED, null);
        case "/activities" -> FakeActiveCampaignClient.ok("{\"activities\":["
                + "{\"id\":\"2\",\"tstamp\":\"2024-05-02T11:00:00-05:00\"},"
                + "{\"id\":\"1\",\"tstamp\":\"2024-05-02T10:00:00-05:00\"}],\"meta\":{\"total\":\"2\"}}");
        default -> new ActiveCampaignResponse(404, "Not Found", "{\"message\":\"No Result found\"}", "application/json",
                Map.of());
    });

    /** A limiter that lets everything through and says the account allows 1000 requests a second. */
    private final ActiveCampaignRateLimiter fastLimiter = new ActiveCampaignRateLimiter() {
        @Override
        public boolean acquire(Duration maxWait) {
            return true;
        }

        @Override
        public void pause(Duration wait) {
        }

        @Override
        public double permitsPerSecond() {
            return 1000;
        }
    };

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("fakeClient", client);
        context.getRegistry().bind("fastLimiter", fastLimiter);
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl("https://acme.api-us1.com/api/3");
        component.getConfiguration().setApiKey("token");
        // a rate a thousand times lower than the bound limiter's: the consumer's share must come from the limiter
        component.getConfiguration().setRateLimit(0.01);
        context.addComponent("activecampaign", component);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?startFrom=beginning&rateLimiter=#fastLimiter")
                        .routeId("activities").autoStartup(false).to("mock:activities");
            }
        };
    }

    @Test
    void theBoundClientIsAutowiredAndItsAnswerParsed() {
        Map<?, ?> body = template.requestBody("activecampaign:deals/get?id=7", null, Map.class);
        assertThat(body.get("deal")).isEqualTo(Map.of("id", "7", "title", "Big", "value", "12000"));
        assertThat(client.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.operation()).isEqualTo("deals/get");
        });
    }

    @Test
    void aFailureStatusBecomesAnActiveCampaignExceptionWithTheServiceErrors() {
        Exchange exchange = template.request("activecampaign:deals/get?id=8", e -> { });
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignException.class);
        ActiveCampaignException failure = (ActiveCampaignException) exchange.getException();
        assertThat(failure.getHttpResponseCode()).isEqualTo(422);
        assertThat(failure.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.pointer()).isEqualTo("/data/attributes/title"));
    }

    @Test
    void aRequestTheLimiterRefusedBecomesARateLimitException() {
        Exchange exchange = template.request("activecampaign:deals/get?id=9", e -> { });
        assertThat(exchange.getException()).isInstanceOf(ActiveCampaignRateLimitException.class)
                .hasMessage("not sent");
    }

    @Test
    void theConsumerTakesItsShareFromTheBoundLimiterAndDeliversInTimeOrder() throws Exception {
        context.getRouteController().startRoute("activities");
        ActiveCampaignConsumer consumer = (ActiveCampaignConsumer) context.getRoute("activities").getConsumer();
        // a share computed from rateLimit=0.01 would make this poll wait minutes for its first request
        int delivered = CompletableFuture.supplyAsync(() -> {
            try {
                return consumer.poll();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS);
        assertThat(delivered).isEqualTo(2);
        List<Exchange> exchanges = getMockEndpoint("mock:activities").getExchanges();
        assertThat(exchanges).extracting(e -> e.getMessage().getHeader(ActiveCampaignConstants.POLLED_ID))
                .containsExactly("1", "2");
        assertThat(consumer.poll()).as("nothing new on the next poll").isZero();
    }
}
