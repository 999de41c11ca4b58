// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without an account (no camel.component.activecampaign.base-url, which application.properties takes from
 * ACTIVECAMPAIGN_API_URL), the example starts the embedded ActiveCampaign simulator and points the component at it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSimulator.NoAccount.class)
public class EmbeddedSimulator {

    @Bean(destroyMethod = "close")
    public ActiveCampaignSimulator activeCampaignSimulator() {
        return ActiveCampaignSimulator.start();
    }

    /** Applied after the camel.component.activecampaign.* properties, whose empty token it replaces. */
    @Bean
    public ComponentCustomizer useSimulator(ActiveCampaignSimulator simulator) {
        return ComponentCustomizer.builder(ActiveCampaignComponent.class).withOrder(Ordered.LOWEST)
                .build(component -> {
                    component.getConfiguration().setBaseUrl(simulator.baseUrl());
                    component.getConfiguration().setApiKey(simulator.token());
                });
    }

    static final class NoAccount implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("camel.component.activecampaign.base-url"));
        }
    }
}
