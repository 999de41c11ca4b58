// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests anyone could send to the webhook's URL: without the secret, not a form, too large, malformed, or a
 * repeat. None reaches the route, each gets its 4xx, and the log says what was refused without its content.
 */
class WebhookRequestCheckTest extends WebhookTestSupport {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String DELIVERY = "type=update&date_time=2026-11-28T10%3A00%3A00-06%3A00"
                                           + "&initiated_by=admin&initiated_from=api&list=0"
                                           + "&contact%5Bid%5D=7&contact%5Bemail%5D=private%40example.com"
                                           + "&contact%5Bfields%5D%5B12%5D=gold";
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;

    @BeforeEach
    void captureLogs() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("webhook-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logged.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        loggers.getConfiguration().getRootLogger().addAppender(appender, Level.DEBUG, null);
        loggers.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
        loggers.getConfiguration().getRootLogger().removeAppender("webhook-capture");
        loggers.updateLoggers();
        appender.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:webhook?events=update&webhookSecret=" + SECRET + "&maxDeliverySize=2048"
                     + "&webhookUrl=" + hookUrl("/hooks/checked")).to("mock:checked");
                bindToRegistry("seen", new MemoryIdempotentRepository());
                from("activecampaign:webhook?events=update&webhookSecret=" + SECRET + "&idempotentRepository=#seen"
                     + "&webhookUrl=" + hookUrl("/hooks/once")).to("mock:once");
            }
        };
    }

    @Test
    void aDeliveryWithTheSecretIsRoutedAsNestedFields() throws Exception {
        MockEndpoint checked = getMockEndpoint("mock:checked");
        checked.expectedMessageCount(1);

        assertThat(post("/hooks/checked?secret=" + SECRET, FORM, DELIVERY).statusCode()).isEqualTo(200);

        checked.assertIsSatisfied();
        assertThat(checked.getExchanges().get(0).getMessage().getBody(String.class))
                .contains("fields={12=gold}", "email=private@example.com");
    }

    @Test
    void refusesRequestsWithoutTheRightSecret() throws Exception {
        getMockEndpoint("mock:checked").expectedMessageCount(0);

        assertThat(post("/hooks/checked", FORM, DELIVERY).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/checked?secret=" + SECRET.substring(1), FORM, DELIVERY).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/checked?secret=", FORM, DELIVERY).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/checked?other=" + SECRET, FORM, DELIVERY).statusCode()).isEqualTo(401);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(logged).anyMatch(line -> line.startsWith("WARN Refused a request without the webhook's secret"));
        assertNothingOfTheDeliveryLogged();
    }

    @Test
    void refusesWhatIsNotAWellFormedDeliveryWith4xx() throws Exception {
        getMockEndpoint("mock:checked").expectedMessageCount(0);
        String query = "/hooks/checked?secret=" + SECRET;

        assertThat(post(query, "application/json", "{\"type\":\"update\"}").statusCode()).isEqualTo(415);
        assertThat(post(query, FORM, DELIVERY + "&note=" + "x".repeat(4000)).statusCode()).isEqualTo(413);
        assertThat(post(query, FORM, DELIVERY + "&contact%5Bfields=1").statusCode()).isEqualTo(400);
        assertThat(post(query, FORM, DELIVERY + "&contact=flat").statusCode()).isEqualTo(400);
        assertThat(post(query, FORM, "contact%5Bemail%5D=private%40example.com").statusCode()).isEqualTo(400);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(logged).anyMatch(line -> line.contains("Refused a malformed delivery: unbalanced brackets"))
                .anyMatch(line -> line.contains("Refused a delivery without an event type"))
                .anyMatch(line -> line.contains("over maxDeliverySize"));
        assertNothingOfTheDeliveryLogged();
    }

    @Test
    void aRepeatedDeliveryIsAnsweredButRoutedOnce() throws Exception {
        MockEndpoint once = getMockEndpoint("mock:once");
        once.expectedMessageCount(2);
        String query = "/hooks/once?secret=" + SECRET;

        assertThat(post(query, FORM, DELIVERY).statusCode()).isEqualTo(200);
        assertThat(post(query, FORM, DELIVERY).statusCode()).isEqualTo(200);
        // the same fields in another order are the same delivery
        String reordered = DELIVERY.substring(DELIVERY.indexOf("&date_time")) .substring(1) + "&type=update";
        assertThat(post(query, FORM, reordered).statusCode()).isEqualTo(200);
        assertThat(post(query, FORM, DELIVERY.replace("gold", "silver")).statusCode()).isEqualTo(200);

        once.assertIsSatisfied();
    }

    private void assertNothingOfTheDeliveryLogged() {
        assertThat(logged).noneMatch(line -> line.contains("private@example.com") || line.contains("gold")
                                             || line.contains(SECRET.substring(5)));
    }
}
