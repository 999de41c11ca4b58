// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Sets the activecampaign component's options on a context by their documented names, as a user's
 * {@code camel.component.activecampaign.*} properties would: the benchmarks measure the component through its public
 * surface only, whatever its classes look like inside. An unknown option fails instead of being ignored.
 */
public final class ComponentOptions {

    private final Map<String, Object> options = new LinkedHashMap<>();

    private ComponentOptions(String baseUrl, String apiKey) {
        options.put("baseUrl", baseUrl);
        options.put("apiKey", apiKey);
    }

    /** The account: its API URL and token. */
    public static ComponentOptions account(String baseUrl, String apiKey) {
        return new ComponentOptions(baseUrl, apiKey);
    }

    /** Any other component option, e.g. {@code rateLimit} or {@code rateLimiter}. */
    public ComponentOptions with(String name, Object value) {
        options.put(name, value);
        return this;
    }

    public void applyTo(CamelContext context) {
        Component component = context.getComponent("activecampaign");
        if (component == null) {
            throw new IllegalStateException("The activecampaign component is not on the classpath");
        }
        PropertyBindingSupport.build()
                .withCamelContext(context)
                .withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(new LinkedHashMap<>(options))
                .withMandatory(true)
                .withRemoveParameters(false)
                .bind();
    }
}
