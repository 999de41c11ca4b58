// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.integration;

import java.util.Iterator;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only calls against a real account; skipped unless ACTIVECAMPAIGN_API_URL and ACTIVECAMPAIGN_API_TOKEN are
 * set. Run with {@code mvn -B -pl camel-component verify}.
 */
@EnabledIfEnvironmentVariable(named = "ACTIVECAMPAIGN_API_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "ACTIVECAMPAIGN_API_TOKEN", matches = ".+")
class ActiveCampaignLiveAccountIT extends CamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(System.getenv("ACTIVECAMPAIGN_API_URL"));
        component.getConfiguration().setApiKey(System.getenv("ACTIVECAMPAIGN_API_TOKEN"));
        context.addComponent("activecampaign", component);
        return context;
    }

    @Test
    void theTokenBelongsToAUser() {
        Map<?, ?> me = template.requestBody("activecampaign:users/me", null, Map.class);
        assertThat(((Map<?, ?>) me.get("user")).get("id")).isNotNull();
    }

    @Test
    void contactsPageLazily() {
        Exchange exchange = template.request("activecampaign:contacts/list?paginate=true&pageSize=5", e -> { });
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(ActiveCampaignConstants.HTTP_RESPONSE_CODE)).isEqualTo(200);
        Iterator<?> contacts = exchange.getMessage().getBody(Iterator.class);
        for (int i = 0; i < 12 && contacts.hasNext(); i++) {
            assertThat(((Map<?, ?>) contacts.next()).get("id")).isNotNull();
        }
    }
}
