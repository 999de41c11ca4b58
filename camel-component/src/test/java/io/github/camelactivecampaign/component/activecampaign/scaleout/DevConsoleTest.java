// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import io.github.camelactivecampaign.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code activecampaign} dev console, found by Camel's console registry from the component's jar: the account's
 * budget (what it let through, the pause a 429 asked for) and the consumers (feed, cursor, last poll, records,
 * leadership), as JSON and as text.
 */
class DevConsoleTest extends CamelTestSupport {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    @TempDir
    static Path clusterRoot;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(activeCampaign.simulator().baseUrl());
        component.getConfiguration().setApiKey(activeCampaign.simulator().token());
        component.getConfiguration().setRateLimit(50);
        context.addComponent("activecampaign", component);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(clusterRoot.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("activecampaign:activities?startFrom=beginning&startScheduler=false").routeId("activities")
                        .to("mock:activities");
                from("activecampaign:deals/list?startFrom=beginning&startScheduler=false").routeId("deals")
                        .routePolicy(ClusteredRoutePolicy.forNamespace("deals-feed"))
                        .to("mock:deals");
            }
        };
    }

    @Test
    void showsTheAccountsBudgetAndEachConsumer() throws Exception {
        activeCampaign.simulator().seed("{\"activities\":[{\"id\":\"1\",\"contact\":\"1\",\"tstamp\":"
                                        + "\"2024-03-01T15:00:01Z\"},{\"id\":\"2\",\"contact\":\"1\",\"tstamp\":"
                                        + "\"2024-03-01T15:00:02Z\"}]}");
        template.requestBody("activecampaign:contacts/list", (Object) null);
        activeCampaign.simulator().failNext(1, Fault.status(429).withRetryAfter(1));
        template.requestBody("activecampaign:tags/list", (Object) null);
        ActiveCampaignConsumer activities = (ActiveCampaignConsumer) context.getRoute("activities").getConsumer();
        assertThat(activities.poll()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "leader".equals(
                ((ActiveCampaignConsumer) context.getRoute("deals").getConsumer()).getLeadership()));

        DevConsole console = DevConsoleRegistry.get(context).resolveById("activecampaign");
        assertThat(console).as("the console is registered from the component's jar").isNotNull();
        Map<?, ?> json = (Map<?, ?>) console.call(DevConsole.MediaType.JSON);

        List<?> accounts = (List<?>) json.get("accounts");
        assertThat(accounts).hasSize(1);
        Map<?, ?> account = (Map<?, ?>) accounts.get(0);
        assertThat(account.get("baseUrl")).isEqualTo(activeCampaign.simulator().baseUrl());
        assertThat(account.get("backend")).isEqualTo("local");
        assertThat(account.get("permitsPerSecond")).isEqualTo(50.0);
        // contacts/list, tags/list twice (429, then the retry), and the activities poll
        assertThat((Long) account.get("permitsUsed")).isGreaterThanOrEqualTo(4L);
        assertThat(account.get("tooManyRequests")).isEqualTo(1L);
        assertThat(account.get("retryAfterPauses")).isEqualTo(1L);
        assertThat(account.get("refused")).isEqualTo(0L);

        List<?> consumers = (List<?>) json.get("consumers");
        assertThat(consumers).hasSize(2);
        Map<?, ?> feed = consumer(consumers, "activities");
        assertThat(feed.get("feed")).isEqualTo("activities/list");
        assertThat(feed.get("recordsDelivered")).isEqualTo(2L);
        assertThat(feed.get("cursor")).isEqualTo("2024-03-01T15:00:02Z");
        assertThat(feed.get("lastPollTime")).isNotEqualTo("never");
        assertThat(feed.get("leadership")).isEqualTo("not clustered");
        assertThat(consumer(consumers, "deals").get("leadership")).isEqualTo("leader");

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Account: " + activeCampaign.simulator().baseUrl())
                .contains("Budget: local, 50.00 requests/s").contains("429s: 1, Retry-After pauses: 1")
                .contains("Consumer: activities (activities/list)").contains("Leadership: leader")
                .doesNotContain(activeCampaign.simulator().token());
    }

    private static Map<?, ?> consumer(List<?> consumers, String routeId) {
        return consumers.stream().map(c -> (Map<?, ?>) c).filter(c -> routeId.equals(c.get("routeId"))).findFirst()
                .orElseThrow();
    }
}
