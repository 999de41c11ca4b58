// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of the dev console as JMX attributes: one MBean per account ({@code type=activecampaign}) and the
 * consumer's own MBean ({@code type=consumers}) extended with its feed, cursor and leadership.
 */
class JmxAttributesTest extends CamelTestSupport {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(activeCampaign.simulator().baseUrl());
        component.getConfiguration().setApiKey(activeCampaign.simulator().token());
        component.getConfiguration().setRateLimit(20);
        context.addComponent("activecampaign", component);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?startFrom=beginning&startScheduler=false").routeId("activities")
                        .to("mock:activities");
            }
        };
    }

    @Test
    void theAccountAndTheConsumerAreManagedBeans() throws Exception {
        activeCampaign.simulator().seed("{\"activities\":[{\"id\":\"7\",\"contact\":\"1\",\"tstamp\":"
                                        + "\"2024-03-01T15:00:07Z\"}]}");
        template.requestBody("activecampaign:contacts/list", (Object) null);
        assertThat(((ActiveCampaignConsumer) context.getRoute("activities").getConsumer()).poll()).isEqualTo(1);
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();

        Set<ObjectName> accounts = server.queryNames(new ObjectName("org.apache.camel:type=activecampaign,*"), null);
        assertThat(accounts).hasSize(1);
        ObjectName account = accounts.iterator().next();
        assertThat(account.getKeyProperty("context")).isEqualTo(context.getManagementName());
        assertThat(account.toString()).doesNotContain(activeCampaign.simulator().token());
        assertThat(server.getAttribute(account, "BaseUrl")).isEqualTo(activeCampaign.simulator().baseUrl());
        assertThat(server.getAttribute(account, "Backend")).isEqualTo("local");
        assertThat(server.getAttribute(account, "PermitsPerSecond")).isEqualTo(20.0);
        assertThat((Long) server.getAttribute(account, "PermitsUsed")).isEqualTo(2L);
        assertThat(server.getAttribute(account, "RetryAfterPauses")).isEqualTo(0L);
        assertThat(server.getAttribute(account, "PauseRemainingMillis")).isEqualTo(0L);

        Set<ObjectName> consumers = server.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName consumer = consumers.stream()
                .filter(name -> name.getKeyProperty("name").startsWith("ActiveCampaignConsumer")).findFirst()
                .orElseThrow();
        assertThat(server.getAttribute(consumer, "Feed")).isEqualTo("activities/list");
        assertThat(server.getAttribute(consumer, "RecordsDelivered")).isEqualTo(1L);
        assertThat(server.getAttribute(consumer, "Cursor")).isEqualTo("2024-03-01T15:00:07Z");
        assertThat(server.getAttribute(consumer, "Leadership")).isEqualTo("not clustered");
        assertThat(server.getAttribute(consumer, "LastPollTime")).isNotEqualTo("never");
    }
}
