// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consumer tests against the simulator. Routes start with startScheduler=false and the tests poll by hand, so that
 * what one poll delivers is exact.
 */
abstract class ConsumerTestSupport extends CamelTestSupport {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    /** What the routes received: record id per exchange, in order. */
    protected final List<String> delivered = new CopyOnWriteArrayList<>();

    protected ActiveCampaignSimulator simulator() {
        return activeCampaign.simulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("activecampaign", component(simulator()));
        return context;
    }

    static ActiveCampaignComponent component(ActiveCampaignSimulator simulator) {
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.getConfiguration().setApiKey(simulator.token());
        component.getConfiguration().setRateLimit(1000);
        component.getConfiguration().setConsumerShare(1);
        component.getConfiguration().setAccountTimeZone("America/Chicago");
        return component;
    }

    /** Runs one poll of the route's consumer; the number of records delivered. */
    protected int poll(String routeId) throws Exception {
        return ((ActiveCampaignConsumer) context.getRoute(routeId).getConsumer()).poll();
    }

    protected void record(Exchange exchange) {
        delivered.add(exchange.getMessage().getHeader(ActiveCampaignConstants.POLLED_ID, String.class));
    }

    /** Seeds activities of contact 1 with the given ids and timestamps. */
    protected void seedActivities(Map<String, String> idToTstamp) {
        StringBuilder json = new StringBuilder("{\"activities\": [");
        idToTstamp.forEach((id, tstamp) -> json.append("{\"id\":\"").append(id).append("\",\"subscriberid\":\"1\",")
                .append("\"reference_type\":\"Deal\",\"tstamp\":\"").append(tstamp).append("\"},"));
        json.setLength(json.length() - 1);
        simulator().seed(json.append("]}").toString());
    }
}
