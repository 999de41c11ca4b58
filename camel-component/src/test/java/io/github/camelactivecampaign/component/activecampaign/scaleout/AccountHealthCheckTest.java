// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.util.Collection;
import java.util.List;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignAccountKey;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's readiness check, which is the component's producer health check: UP when the service accepts the
 * token, DOWN saying what to fix when it refuses it; asked once and then kept, so probes cost the account almost
 * nothing; not a liveness check.
 */
class AccountHealthCheckTest extends CamelTestSupport {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    static final String WRONG_TOKEN = "wrong-token-0123456789";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("activecampaign", component(activeCampaign.simulator().token()));
        context.addComponent("refused", component(WRONG_TOKEN));
        return context;
    }

    private static ActiveCampaignComponent component(String token) {
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(activeCampaign.simulator().baseUrl());
        component.getConfiguration().setApiKey(token);
        return component;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:contacts").to("activecampaign:contacts/list");
                from("direct:refused").to("refused:contacts/list");
            }
        };
    }

    @Test
    void readyWhenTheTokenIsAcceptedAndSaysWhatToFixWhenItIsNot() {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        assertThat(producers).isNotNull();
        // Camel leaves producer checks off unless camel.health.producersEnabled=true
        producers.setEnabled(true);

        // every result, not only the DOWN ones
        HealthCheckRegistry.get(context).setExposureLevel("full");
        List<HealthCheck.Result> results = accountChecks(HealthCheckHelper.invokeReadiness(context));
        assertThat(results).hasSize(2);
        HealthCheck.Result accepted = result(results, activeCampaign.simulator().token());
        assertThat(accepted.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(accepted.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("accepts"));
        HealthCheck.Result refused = result(results, WRONG_TOKEN);
        assertThat(refused.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(refused.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("refuses the API token")
                .contains("apiKey").doesNotContain(WRONG_TOKEN));
        assertThat(refused.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 403);

        // probes in a row: the answer is kept, the account is asked once per check
        HealthCheckHelper.invokeReadiness(context);
        HealthCheckHelper.invokeReadiness(context);
        assertThat(activeCampaign.simulator().journal("users/me")).hasSize(2);

        assertThat(accountChecks(HealthCheckHelper.invokeLiveness(context))).as("not a liveness check").isEmpty();
    }

    private static List<HealthCheck.Result> accountChecks(Collection<HealthCheck.Result> results) {
        return results.stream().filter(r -> r.getCheck().getId().startsWith("activecampaign-account:")).toList();
    }

    /** The result of the check of the simulator's account with this token; its id names the URL, not the token. */
    private static HealthCheck.Result result(List<HealthCheck.Result> results, String token) {
        String digest = ActiveCampaignAccountKey.of(activeCampaign.simulator().baseUrl(), token).tokenDigest();
        HealthCheck.Result result = results.stream().filter(r -> r.getCheck().getId().equals(
                "activecampaign-account:" + activeCampaign.simulator().baseUrl() + "#" + digest.substring(0, 8)))
                .findFirst().orElseThrow();
        assertThat(result.getCheck().getId()).doesNotContain(token);
        return result;
    }
}
