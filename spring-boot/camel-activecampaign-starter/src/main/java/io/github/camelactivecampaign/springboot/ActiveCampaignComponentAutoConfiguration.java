// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot;

import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Applies camel.component.activecampaign.* to the activecampaign component of the application's CamelContext.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnBean(CamelContext.class)
@EnableConfigurationProperties(ActiveCampaignComponentConfiguration.class)
public class ActiveCampaignComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureActiveCampaignComponent(CamelContext camelContext,
                                                                ActiveCampaignComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> properties = configuration.properties();
                // the component's generated configurer sets the options, no reflection
                PropertyBindingSupport.build().withMandatory(true).withIgnoreCase(true).withReflection(false)
                        .withConfigurer(target.getComponentPropertyConfigurer())
                        .bind(camelContext, target, properties);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof ActiveCampaignComponent && configuration.isEnabled()
                       && configuration.getCustomizer().isEnabled();
            }
        };
    }
}
