// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The "simulator" profile: an embedded ActiveCampaign simulator, and the component pointed at it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("simulator")
public class SimulatorProfile {

    @Bean(destroyMethod = "close")
    public ActiveCampaignSimulator activeCampaignSimulator() {
        return ActiveCampaignSimulator.start();
    }

    @Bean
    public ComponentCustomizer useSimulator(ActiveCampaignSimulator simulator) {
        return ComponentCustomizer.forType(ActiveCampaignComponent.class, component -> {
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            component.getConfiguration().setApiKey(simulator.token());
        });
    }
}
