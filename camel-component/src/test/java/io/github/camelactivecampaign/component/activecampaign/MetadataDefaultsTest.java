// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults the component's metadata documents (and tooling, the Spring Boot starter and the docs show) are the
 * defaults the runtime uses, for every component and endpoint option.
 */
class MetadataDefaultsTest {

    private static final String METADATA
            = "META-INF/io/github/camelactivecampaign/component/activecampaign/activecampaign.json";

    @Test
    void everyDocumentedDefaultIsTheRuntimeDefault() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(METADATA)) {
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> mismatches = new ArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            ActiveCampaignComponent component = new ActiveCampaignComponent();
            component.getConfiguration().setBaseUrl("https://acme.api-us1.com/api/3");
            component.getConfiguration().setApiKey("token");
            context.addComponent("activecampaign", component);
            context.start();
            // the component's values are read before an endpoint copies its configuration
            compare("component", metadata.path("componentProperties"), new ActiveCampaignComponentConfigurer(),
                    new ActiveCampaignComponent(), mismatches);
            ActiveCampaignEndpoint endpoint = context.getEndpoint("activecampaign:activities/list",
                    ActiveCampaignEndpoint.class);
            compare("endpoint", metadata.path("properties"), new ActiveCampaignEndpointConfigurer(), endpoint,
                    mismatches);
            // the scheduler's -1 means "not set": what a consumer of the endpoint then uses is the default
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) endpoint.createConsumer(exchange -> { });
            assertThat(consumer.getInitialDelay())
                    .isEqualTo(metadata.at("/properties/initialDelay/defaultValue").asLong());
            assertThat(consumer.getDelay()).isEqualTo(metadata.at("/properties/delay/defaultValue").asLong());
        }
        assertThat(mismatches).as("options whose documented default differs from the runtime default").isEmpty();
    }

    private static void compare(String kind, JsonNode properties, PropertyConfigurerGetter getter, Object target,
                                List<String> mismatches) {
        int checked = 0;
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode documented = property.getValue().get("defaultValue");
            if (documented == null) {
                continue;
            }
            Object runtime = getter.getOptionValue(target, property.getKey(), true);
            boolean unsetScheduler = Long.valueOf(-1).equals(runtime) && property.getKey().endsWith("elay");
            if (!unsetScheduler && !same(documented, runtime)) {
                mismatches.add(kind + " option " + property.getKey() + ": documented " + documented
                               + ", runtime " + runtime);
            }
            checked++;
        }
        assertThat(checked).as(kind + " options with a documented default").isPositive();
    }

    private static boolean same(JsonNode documented, Object runtime) {
        if (runtime == null) {
            return false;
        }
        if (runtime instanceof Number number) {
            return new BigDecimal(documented.asText()).compareTo(new BigDecimal(number.toString())) == 0;
        }
        return documented.asText().equalsIgnoreCase(runtime.toString());
    }
}
