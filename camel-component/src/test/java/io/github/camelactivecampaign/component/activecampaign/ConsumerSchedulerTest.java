// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import io.github.camelactivecampaign.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler drives the consumer: failing polls are counted (what Camel's consumer health check reports, with
 * the HTTP status), and once the service recovers the records arrive, once.
 */
class ConsumerSchedulerTest extends ConsumerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("activecampaign:activities?contactId=1&startFrom=beginning&initialDelay=0&delay=20")
                        .routeId("activities").process(ConsumerSchedulerTest.this::record);
            }
        };
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> "consumer:activities".equals(r.getCheck().getId())).findFirst().orElseThrow();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // what camel-main does with camel.health.consumersEnabled=true
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.register(new ConsumersHealthCheckRepository());
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    @Override
    protected void doPreSetup() {
        simulator().failNext(10_000, Fault.status(503));
        Map<String, String> activities = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            activities.put(String.valueOf(i), "2024-03-01T12:00:0" + i + "Z");
        }
        seedActivities(activities);
    }

    @Test
    void failingPollsAreCountedThenRecordsArriveOnce() {
        ActiveCampaignConsumer consumer = (ActiveCampaignConsumer) context.getRoute("activities").getConsumer();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getErrorCounter() >= 3);
        assertThat(delivered).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> health().getState() == HealthCheck.State.DOWN);
        HealthCheck.Result down = health();
        assertThat(down.getDetails()).containsEntry("http.response.code", 503);
        assertThat(String.valueOf(down.getDetails().get("endpoint.uri"))).doesNotContain(simulator().token());

        simulator().clearFaults();
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> health().getState() == HealthCheck.State.UP);
        assertThat(delivered).containsExactly("1", "2", "3");
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> consumer.getSuccessCounter() > 3);
        assertThat(delivered).as("later polls deliver nothing again").hasSize(3);
    }
}
