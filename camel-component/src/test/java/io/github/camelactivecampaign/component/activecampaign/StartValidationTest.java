// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account settings refused when an endpoint starts, without printing the secret they carry: a base URL with a
 * password in it, a token or tracking key with control characters (which would be sent mangled).
 */
class StartValidationTest extends ActiveCampaignTestSupport {

    private static final String PASSWORD = "pa55-w0rd-e9";
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.everything();
    }

    @AfterEach
    void nothingSentAndNothingLogged() {
        logs.close();
        assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** Starts an endpoint of a component configured so; the messages of the failure's whole chain. */
    private String startFailure(String uri, Consumer<ActiveCampaignConfiguration> settings) {
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(baseUrl());
        component.getConfiguration().setApiKey(TOKEN);
        component.getConfiguration().setTrackingAccountId("1000");
        component.getConfiguration().setTrackingSecret(TRACKING_KEY);
        component.getConfiguration().setTrackingUrl("http://127.0.0.1:" + wireMock.port() + "/event");
        settings.accept(component.getConfiguration());
        String scheme = "ac" + Integer.toHexString(System.identityHashCode(component));
        context.addComponent(scheme, component);
        Throwable failure;
        try {
            Exchange exchange = template.request(scheme + ":" + uri, e -> { });
            failure = exchange.getException();
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("the endpoint did not start").isNotNull();
        SecretScrubbingTest.assertNoSecret(failure);
        return ProducerHardeningTest.messages(failure);
    }

    @Test
    void baseUrlWithUserInfoIsRefusedWithoutShowingIt() {
        String messages = startFailure("deals/get?id=7",
                c -> c.setBaseUrl("https://admin:" + PASSWORD + "@account.api-us1.com/api/3"));
        assertThat(messages).contains("baseUrl must not carry user info (user:password@host)")
                .doesNotContain(PASSWORD).doesNotContain("admin");
        assertThat(logs.lines()).noneMatch(line -> line.contains(PASSWORD));
    }

    @Test
    void baseUrlWithUserInfoThatIsNoHostIsRefusedToo() {
        String messages = startFailure("deals/get?id=7",
                c -> c.setBaseUrl("https://admin:" + PASSWORD + "@bad@host/api/3"));
        assertThat(messages).contains("must not carry user info").doesNotContain(PASSWORD);
    }

    @Test
    void baseUrlThatIsNoUrlIsNotEchoed() {
        String messages = startFailure("deals/get?id=7",
                c -> c.setBaseUrl("https://admin:" + PASSWORD + " @account.api-us1.com/api/3"));
        assertThat(messages).contains("baseUrl is not a URL (Illegal character").doesNotContain(PASSWORD);
    }

    @Test
    void relativeBaseUrlIsQuotedWithoutWhatStandsBeforeAnAt() {
        String messages = startFailure("deals/get?id=7", c -> c.setBaseUrl("admin:" + PASSWORD + "@account/api/3"));
        assertThat(messages).doesNotContain(PASSWORD);
    }

    @Test
    void trackingUrlWithUserInfo() {
        String messages = startFailure("eventTracking/track",
                c -> c.setTrackingUrl("https://admin:" + PASSWORD + "@trackcmp.net/event"));
        assertThat(messages).contains("trackingUrl must not carry user info").doesNotContain(PASSWORD);
    }

    @Test
    void tokenWithNul() {
        String messages = startFailure("deals/get?id=7", c -> c.setApiKey("abcd\u0000efgh"));
        assertThat(messages).contains("apiKey for deals/get contains a control or non-ASCII character (at position 4)")
                .doesNotContain("abcd").doesNotContain("efgh");
    }

    @Test
    void tokenWithANonAsciiCharacter() {
        String messages = startFailure("deals/get?id=7", c -> c.setApiKey("abcd\u00e9fgh"));
        assertThat(messages).contains("contains a control or non-ASCII character (at position 4)")
                .doesNotContain("abcd");
    }

    @Test
    void tokenWithDelete() {
        String messages = startFailure("deals/get?id=7", c -> c.setApiKey("abc\u007f"));
        assertThat(messages).contains("contains a control or non-ASCII character (at position 3)");
    }

    @Test
    void tokenOfVisibleAsciiFromEndToEndIsAccepted() {
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(baseUrl());
        component.getConfiguration().setApiKey("!tok~");
        context.addComponent("visible", component);
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl()).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withBody("{}")));
        assertThat(template.request("visible:deals/get?id=7", e -> { }).getException()).isNull();
        assertThat(wireMock.getAllServeEvents().get(0).getRequest().getHeader("Api-Token")).isEqualTo("!tok~");
        wireMock.resetAll(); // the one test here that sends: the check after each test is for the refusals

    }

    @Test
    void tokenWithALineBreakInside() {
        String messages = startFailure("deals/get?id=7", c -> c.setApiKey("abcd\r\nX-Injected: 1"));
        assertThat(messages).contains("apiKey for deals/get contains whitespace").doesNotContain("abcd");
    }

    @Test
    void trackingKeyWithAControlCharacter() {
        String messages = startFailure("eventTracking/track", c -> c.setTrackingSecret("key\u001b[0m"));
        assertThat(messages).contains("trackingSecret for eventTracking/track contains a control character "
                                      + "(at position 3)").doesNotContain("key\u001b");
    }
}
