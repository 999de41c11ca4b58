// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quarkus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Maps ACTIVECAMPAIGN_API_URL and ACTIVECAMPAIGN_API_TOKEN, the variables every example reads, to
 * camel.component.activecampaign.base-url and api-key, in every mode. A variable that is not set maps to nothing,
 * rather than to the empty value ${ACTIVECAMPAIGN_API_URL:} would give: then the Dev Service (dev and test mode)
 * fills the properties in with its simulator. Above application.properties, below system properties.
 */
public class AccountFromEnvironment implements ConfigSource {

    static final Map<String, String> VARIABLES = Map.of(
            "ACTIVECAMPAIGN_API_URL", "camel.component.activecampaign.base-url",
            "ACTIVECAMPAIGN_API_TOKEN", "camel.component.activecampaign.api-key");

    private final Map<String, String> properties = new LinkedHashMap<>();

    public AccountFromEnvironment() {
        this(System.getenv());
    }

    AccountFromEnvironment(Map<String, String> environment) {
        VARIABLES.forEach((variable, property) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                properties.put(property, value);
            }
        });
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "ActiveCampaign account from ACTIVECAMPAIGN_API_URL and ACTIVECAMPAIGN_API_TOKEN";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
