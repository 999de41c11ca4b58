// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A server that echoes the secrets it was sent (the token in an error body, a reason phrase, a header, a garbled
 * response; the tracking key in a refusal) must not get them into anything the component builds: exception
 * messages along the whole chain (causes and suppressed ones), the kept response body, the service errors, the
 * headers set on the exchange, and every log line, Camel's error handler's included.
 */
class SecretScrubbingTest extends ActiveCampaignTestSupport {

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.everything();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // Camel's error handler logs what fails here at ERROR, with the stack trace
                from("direct:get").to("activecampaign:deals/get?id=7&maxAttempts=1");
                from("direct:track").to("activecampaign:eventTracking/track");
            }
        };
    }

    /** Runs one failing call and sweeps everything it produced for both secrets. */
    private void sweep(String uri, Object body, Consumer<Exchange> more) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        assertThat(exchange.getException()).as("the call failed").isNotNull();
        assertNoSecret(exchange.getException());
        exchange.getMessage().getHeaders().forEach((name, value) ->
                assertThat(String.valueOf(value)).as("header " + name).doesNotContain(TOKEN, TRACKING_KEY));
        if (exchange.getException() instanceof ActiveCampaignException e) {
            assertThat(String.valueOf(e.getResponseBody())).doesNotContain(TOKEN, TRACKING_KEY);
            assertThat(String.valueOf(e.getHttpResponseStatus())).doesNotContain(TOKEN, TRACKING_KEY);
            assertThat(e.getErrors().toString()).doesNotContain(TOKEN, TRACKING_KEY);
        }
        more.accept(exchange);
        assertThat(logs.lines()).as("log lines").noneMatch(line -> line.contains(TOKEN) || line.contains(TRACKING_KEY));
    }

    static void assertNoSecret(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as("the whole exception chain").doesNotContain(TOKEN, TRACKING_KEY);
        List<Throwable> chain = new ArrayList<>();
        collect(failure, chain);
        for (Throwable link : chain) {
            assertThat(String.valueOf(link.getMessage())).doesNotContain(TOKEN, TRACKING_KEY);
            assertThat(link.toString()).doesNotContain(TOKEN, TRACKING_KEY);
        }
    }

    private static void collect(Throwable failure, List<Throwable> chain) {
        if (failure == null || chain.contains(failure)) {
            return;
        }
        chain.add(failure);
        collect(failure.getCause(), chain);
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, chain);
        }
    }

    private static void echo(int status, String body) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void tokenEchoedInAnErrorMessage() {
        echo(401, "{\"message\":\"Invalid token " + TOKEN + "\"}");
        sweep("direct:get", null, e -> assertThat(e.getException()).hasMessageContaining("Invalid token xxxxxx")
                .hasMessageContaining("HTTP 401"));
    }

    @Test
    void tokenEchoedInServiceErrors() {
        echo(422, "{\"errors\":[{\"title\":\"Token " + TOKEN + " rejected\",\"detail\":\"" + TOKEN
                  + "\",\"code\":\"" + TOKEN + "\",\"source\":{\"pointer\":\"/" + TOKEN + "\"}}]}");
        sweep("activecampaign:deals/create", Map.of("title", "x"), e -> {
            ActiveCampaignException failure = (ActiveCampaignException) e.getException();
            assertThat(failure.getErrors()).singleElement()
                    .satisfies(error -> assertThat(error.title()).isEqualTo("Token xxxxxx rejected"));
        });
    }

    @Test
    void tokenEchoedInAPlainTextErrorBodyAndReason() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withStatusMessage("Bad " + TOKEN)
                .withBody("bad request for key " + TOKEN)));
        sweep("direct:get", null, e -> assertThat(e.getException()).hasMessageContaining("bad request for key xxxxxx"));
    }

    @Test
    void tokenEchoedByAFailingServerInAQueryItQuotes() {
        // encoded and escaped forms of a secret are covered by ActiveCampaignSecretsTest
        echo(500, "{\"message\":\"failed GET /api/3/deals/7?api_key=" + TOKEN + "\"}");
        sweep("direct:get", null, e -> assertThat(e.getException()).hasMessageContaining("HTTP 500")
                .hasMessageContaining("api_key=xxxxxx"));
    }

    @Test
    void tokenEchoedInASuccessThatIsNotJson() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>Maintenance. Your key " + TOKEN + " is fine.</html>")));
        sweep("direct:get", null, e -> assertThat(e.getException()).hasMessageContaining("not JSON"));
    }

    @Test
    void tokenEchoedInASuccessThatIsBrokenJson() {
        echo(200, "{\"deal\": " + TOKEN + "}");
        sweep("direct:get", null, e -> assertThat(e.getException()).hasMessageContaining("not valid JSON"));
    }

    @Test
    void tokenEchoedInRateLimitHeadersOfASuccess() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("RateLimit-Limit", TOKEN).withHeader("RateLimit-Remaining", "x" + TOKEN)
                .withBody("{\"deal\":{\"id\":\"7\"}}")));
        Exchange exchange = template.request("activecampaign:deals/get?id=7", e -> { });
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.RATE_LIMIT_LIMIT)).isEqualTo("xxxxxx");
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.RATE_LIMIT_REMAINING)).isEqualTo("xxxxxxx");
    }

    @Test
    void tokenEchoedInAGarbledResponseThatTheHttpLibraryQuotes() throws Exception {
        try (RawSocketServer server = RawSocketServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                                                                + "No-Colon-Here " + TOKEN + "\r\n\r\n{}")) {
            sweep("activecampaign:deals/get?id=7&maxAttempts=1&baseUrl=http://127.0.0.1:" + server.port() + "/api/3",
                    null, e -> assertThat(e.getException()).hasMessageContaining("could not reach"));
        }
    }

    @Test
    void trackingKeyEchoedInARefusal() {
        echo(200, "{\"success\":0,\"message\":\"Invalid key " + TRACKING_KEY + "\"}");
        sweep("direct:track", Map.of("event", "signed-up", "email", "a@example.com"),
                e -> assertThat(e.getException()).isInstanceOf(ActiveCampaignException.class)
                        .hasMessageContaining("was refused: Invalid key xxxxxx"));
    }

    @Test
    void timeoutMessageCarriesNoSecret() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("{}")));
        sweep("activecampaign:deals/get?id=7&maxAttempts=1&responseTimeout=200", null,
                e -> assertThat(e.getException()).hasMessageContaining("timed out"));
    }

    @Test
    void rateLimiterRefusalCarriesNoSecret() {
        // a component of its own: the routes' endpoints already share the account's client and its limiter
        ActiveCampaignComponent limited = new ActiveCampaignComponent();
        limited.getConfiguration().setBaseUrl(baseUrl());
        limited.getConfiguration().setApiKey(TOKEN);
        limited.getConfiguration().setRateLimiter(context.getRegistry().lookupByNameAndType("refusingLimiter",
                ActiveCampaignRateLimiter.class));
        context.addComponent("limited", limited);
        sweep("limited:deals/get?id=7", null,
                e -> assertThat(e.getException()).isInstanceOf(ActiveCampaignRateLimitException.class));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("refusingLimiter", new ActiveCampaignRateLimiter() {
            @Override
            public boolean acquire(java.time.Duration maxWait) {
                return false;
            }

            @Override
            public void pause(java.time.Duration wait) {
                fail("nothing was sent");
            }

            @Override
            public double permitsPerSecond() {
                return 5;
            }
        });
        return context;
    }
}
