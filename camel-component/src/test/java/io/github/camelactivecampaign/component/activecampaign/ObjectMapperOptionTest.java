// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component writes bodies with the ObjectMapper a user gives it (a copy, still bounded and tolerant).
 */
class ObjectMapperOptionTest extends CamelTestSupport {

    /** A body type of the user's, named as the user's mapper names fields. */
    public record NewDeal(String title, long dealValue) {
    }

    private final FakeActiveCampaignClient client
            = new FakeActiveCampaignClient(request -> FakeActiveCampaignClient.ok("{\"deal\":{\"id\":\"1\"}}"));
    private final ObjectMapper usersMapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("client", client);
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl("https://acme.api-us1.com/api/3");
        component.getConfiguration().setApiKey("token");
        component.setObjectMapper(usersMapper);
        context.addComponent("activecampaign", component);
        return context;
    }

    @Test
    void bodiesAreWrittenWithTheUsersMapperAndItStaysUntouched() {
        template.requestBody("activecampaign:deals/create", new NewDeal("Big", 12000));
        assertThat(client.requests()).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"deal\":{\"title\":\"Big\",\"deal_value\":12000}}"));
        ObjectMapper used = context.getComponent("activecampaign", ActiveCampaignComponent.class).mapper();
        assertThat(used).isNotSameAs(usersMapper);
        assertThat(usersMapper.getFactory().streamReadConstraints().getMaxNestingDepth())
                .as("the user's own mapper is not changed").isNotEqualTo(ActiveCampaignComponent.MAX_JSON_NESTING_DEPTH);
    }
}
