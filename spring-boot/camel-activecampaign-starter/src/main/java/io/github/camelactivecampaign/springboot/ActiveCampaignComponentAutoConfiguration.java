// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the camel.component.activecampaign.* properties to the activecampaign component, as camel-spring-boot's
 * starters do: a {@link ComponentCustomizer} that camel.component.customizer.enabled and
 * camel.component.activecampaign.customizer.enabled switch off. The properties class and its converter are
 * generated from the component's metadata by the build.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, ActiveCampaignComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, ActiveCampaignComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.activecampaign" })
public class ActiveCampaignComponentAutoConfiguration {

    static final String PREFIX = "camel.component.activecampaign";

    /** The properties of ComponentConfigurationPropertiesCommon, which belong to this layer, not to the component. */
    private static final Set<String> OWN_PROPERTIES = Set.of("enabled", "customizer");

    @Lazy
    @Bean
    public ComponentCustomizer configureActiveCampaignComponent(ApplicationContext applicationContext,
                                                                ActiveCampaignComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                apply(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        PREFIX + ".customizer") && target instanceof ActiveCampaignComponent;
            }
        };
    }

    /**
     * Sets every property that is set on the component, through its generated configurer. A property the component
     * cannot take fails the start-up instead of being ignored.
     */
    static void apply(CamelContext camelContext, ActiveCampaignComponentConfiguration configuration,
                      Component target) {
        Map<String, Object> properties = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        properties.keySet().removeIf(OWN_PROPERTIES::contains);
        // what ${ACTIVECAMPAIGN_API_URL:} gives when the variable is missing: unset, not an empty URL
        properties.values().removeIf(value -> value instanceof String text && text.isBlank());
        // a configuration bean carries all the options: set it first, so the other properties refine it
        Object shared = properties.remove("configuration");
        if (shared != null) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("configuration", shared);
            CamelPropertiesHelper.setCamelProperties(camelContext, target, first, true);
        }
        CamelPropertiesHelper.setCamelProperties(camelContext, target, properties, true);
    }
}
