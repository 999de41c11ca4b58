// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import io.github.camelactivecampaign.component.activecampaign.client.internal.BucketRateLimiter;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * rateLimitEnabled=false: the account's requests go out unpaced (tests, proxies that enforce the limit, benchmarks);
 * rateLimit=0 is refused with a pointer to the switch; the switch and a bound limiter together are refused.
 * Each test uses a token of its own: the account's limiter is JVM-wide, and the first rate asked for an account wins.
 */
class RateLimitSwitchTest extends ActiveCampaignTestSupport {

    private void stubOk() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"deal\":{\"id\":\"7\"}}")));
    }

    @Test
    void theLimiterOffSendsEveryRequestAtOnceWhereTheLimiterWouldRefuse() {
        stubOk();
        String paced = "activecampaign:deals/get?id=7&apiKey=switch-on&rateLimit=0.01&maxRateLimitWait=50";
        assertThat(template.request(paced, e -> { }).getException()).isNull();
        assertThat(template.request(paced, e -> { }).getException())
                .as("the next slot is 100 s away").isInstanceOf(ActiveCampaignRateLimitException.class);

        String unpaced = "activecampaign:deals/get?id=7&apiKey=switch-off&rateLimit=0.01&maxRateLimitWait=50"
                         + "&rateLimitEnabled=false";
        for (int i = 0; i < 10; i++) {
            assertThat(template.request(unpaced, e -> { }).getException()).isNull();
        }
        assertThat(wireMock.getAllServeEvents()).hasSize(11);
    }

    @Test
    void aRateOfZeroIsRefusedBeforeAnyRequestNamingTheSwitch() {
        stubOk();
        assertThatThrownBy(() -> template.request("activecampaign:deals/get?id=7&apiKey=switch-zero&rateLimit=0",
                e -> { })).isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("rateLimit must be greater than 0").hasMessageContaining("rateLimitEnabled=false");
        assertThat(wireMock.getAllServeEvents()).isEmpty();

        Exchange off = template.request("activecampaign:deals/get?id=7&apiKey=switch-zero-off&rateLimit=0"
                                        + "&rateLimitEnabled=false", e -> { });
        assertThat(off.getException()).as("no rate is needed with the limiter off").isNull();
    }

    @Test
    void theSwitchOffWithABoundLimiterIsAContradiction() {
        context.getRegistry().bind("boundLimiter", BucketRateLimiter.local(5));
        assertThatThrownBy(() -> template.request("activecampaign:deals/get?id=7&apiKey=switch-bound"
                                                  + "&rateLimiter=#boundLimiter&rateLimitEnabled=false", e -> { }))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("rateLimitEnabled=false turns the account's limiter off")
                .hasMessageContaining("rateLimiter is bound");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }
}
