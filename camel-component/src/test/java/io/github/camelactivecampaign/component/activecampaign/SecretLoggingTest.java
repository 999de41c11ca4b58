// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every log event, at TRACE, of a run with successes, service errors, transport faults, validation
 * errors and a failing route, and checks that neither the API token nor the event tracking key appears.
 * <p>
 * Two things outside the component are left out or told apart: the HTTP library's own header and wire loggers stay
 * at INFO (at DEBUG they print every header, as with any HTTP client; the component warns when it sees them at
 * DEBUG), and a secret written into an endpoint URI is printed by Camel core's endpoint resolution at TRACE before
 * any component sees the URI (AbstractCamelContext, DefaultComponent). Configure secrets on the component or with property
 * placeholders, as the docs say.
 */
class SecretLoggingTest extends ActiveCampaignTestSupport {

    private static final String SECRET_TOKEN = "secret-token-4b1d7c";
    /** Logger name, level and text of every event. */
    private final List<String[]> logged = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;
    private Level rootLevel;

    @BeforeEach
    void captureEverything() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = loggers.getConfiguration();
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder text = new StringBuilder(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    text.append('\n').append(trace);
                }
                logged.add(new String[] { event.getLoggerName(), event.getLevel().name(), text.toString() });
            }
        };
        appender.start();
        configuration.addAppender(appender);
        LoggerConfig root = configuration.getRootLogger();
        rootLevel = root.getLevel();
        root.addAppender(appender, Level.TRACE, null);
        root.setLevel(Level.TRACE);
        for (String library : new String[] { "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire",
                                             "org.eclipse.jetty", "wiremock", "org.wiremock", "com.github.tomakehurst" }) {
            configuration.addLogger(library, new LoggerConfig(library, Level.INFO, true));
        }
        loggers.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = loggers.getConfiguration();
        configuration.getRootLogger().removeAppender("capture");
        configuration.getRootLogger().setLevel(rootLevel);
        loggers.updateLoggers();
        appender.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:failing").to("activecampaign:deals/get?apiKey=RAW(" + SECRET_TOKEN + ")")
                        .throwException(new IllegalStateException("route failed after the call"));
            }
        };
    }

    private void runFailuresAndSuccesses(String secrets) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"deal\":{\"id\":\"7\"}}")));
        template.request("activecampaign:deals/get?id=7&retryBackoff=10" + secrets, e -> { });
        template.request("activecampaign:eventTracking/track?retryBackoff=10" + secrets,
                e -> e.getMessage().setBody(Map.of("event", "e", "email", "a@example.com")));
        template.request("activecampaign:deals/list?limit=500" + secrets, e -> { });
        template.request("direct:failing", e -> e.getMessage().setHeader("CamelActiveCampaignId", "7"));
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"You are not authorized to access this resource\"}")));
        template.request("activecampaign:deals/get?id=8&retryBackoff=10" + secrets, e -> { });
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        template.request("activecampaign:deals/get?id=9&retryBackoff=10" + secrets, e -> { });
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));
        template.request("activecampaign:deals/create?maxAttempts=2&retryBackoff=10" + secrets,
                e -> e.getMessage().setBody(Map.of("title", "x")));
        assertThat(logged).as("something was logged at all").isNotEmpty();
    }

    @Test
    void secretsOnTheComponentNeverShowAtAnyLevel() {
        // the support class configures TOKEN and TRACKING_KEY on the component
        runFailuresAndSuccesses("");
        assertThat(logged).noneMatch(e -> e[2].contains(TOKEN)).noneMatch(e -> e[2].contains(TRACKING_KEY));
    }

    @Test
    void secretsInEndpointUrisShowOnlyInCamelCoresTraceResolution() {
        runFailuresAndSuccesses("&apiKey=RAW(" + SECRET_TOKEN + ")&trackingSecret=RAW(" + TRACKING_KEY + ")");
        List<String[]> leaking = logged.stream()
                .filter(e -> e[2].contains(SECRET_TOKEN) || e[2].contains(TRACKING_KEY)).toList();
        assertThat(leaking).allSatisfy(e -> {
            assertThat(e[0]).as("logger").startsWith("org.apache.camel.")
                    .doesNotStartWith("org.apache.camel.component").doesNotContain("activecampaign");
            assertThat(e[1]).as("level").isEqualTo("TRACE");
        });
        assertThat(logged).filteredOn(e -> !"TRACE".equals(e[1]))
                .noneMatch(e -> e[2].contains(SECRET_TOKEN) || e[2].contains(TRACKING_KEY));
    }
}
