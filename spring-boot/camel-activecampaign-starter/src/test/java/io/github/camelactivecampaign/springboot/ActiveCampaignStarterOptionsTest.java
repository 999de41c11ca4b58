// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter follows the component's metadata: every component option of the component JSON is a
 * camel.component.activecampaign.* property, documented with its default, and a value set there reaches the
 * component. Nothing here names an option: the options come from the JSON, so a new option is covered as it
 * appears.
 */
class ActiveCampaignStarterOptionsTest {

    static final String PREFIX = "camel.component.activecampaign.";

    static final ComponentModel COMPONENT = ComponentJson.activeCampaign();

    /** Text values the component would refuse later, at endpoint creation; any other string option gets its name. */
    static final Map<String, String> VALID_TEXT = Map.of(
            "baseUrl", "https://sample.api-us1.com/api/3",
            "trackingUrl", "https://sample.example/event",
            "accountTimeZone", "America/Chicago",
            "startFrom", "beginning");

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    ActiveCampaignComponentConverter.class, ActiveCampaignComponentAutoConfiguration.class));

    @Test
    void everyOptionIsAPropertyOfTheConfigurationMetadata() throws IOException {
        Map<String, JsonNode> documented = starterMetadata();

        assertThat(COMPONENT.getComponentOptions()).hasSizeGreaterThan(10);
        for (ComponentOptionModel option : COMPONENT.getComponentOptions()) {
            JsonNode property = documented.get(PREFIX + dashed(option.getName()));
            assertThat(property).as("property of option %s", option.getName()).isNotNull();
            assertThat(property.path("description").asText()).as("description of %s", option.getName())
                    .startsWith(option.getDescription().substring(0, Math.min(40, option.getDescription().length())));
            if (option.getDefaultValue() != null && !option.getDefaultValue().toString().isEmpty()) {
                assertThat(property.path("defaultValue").asText()).as("default of %s", option.getName())
                        .isEqualTo(normalized(option.getDefaultValue()));
            } else {
                assertThat(property.has("defaultValue")).as("no default for %s", option.getName()).isFalse();
            }
        }
        assertThat(documented.keySet()).as("nothing but the options and the two switches")
                .hasSize(COMPONENT.getComponentOptions().size() + 2)
                .contains(PREFIX + "enabled", PREFIX + "customizer.enabled");
    }

    @Test
    void everyOptionSetAsAPropertyReachesTheComponent() throws ReflectiveOperationException {
        Map<String, Object> expected = new LinkedHashMap<>();
        List<String> properties = new ArrayList<>();
        ApplicationContextRunner withBeans = runner;
        for (ComponentOptionModel option : COMPONENT.getComponentOptions()) {
            if (option.getName().equals("configuration")) {
                // it replaces all the others: aConfigurationBeanIsRefinedByTheOtherProperties
                continue;
            }
            if ("object".equals(option.getType())) {
                String bean = "sample" + capitalized(option.getName());
                Object instance = instanceOf(rawType(option));
                withBeans = withBean(withBeans, bean, instance);
                properties.add(PREFIX + dashed(option.getName()) + "=#bean:" + bean);
                expected.put(option.getName(), instance);
            } else {
                Object value = sampleValue(option);
                properties.add(PREFIX + dashed(option.getName()) + "="
                               + (value instanceof Class<?> type ? type.getName() : value));
                expected.put(option.getName(), value);
            }
        }

        withBeans.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            assertThat(context).hasNotFailed();
            Component component = context.getBean(CamelContext.class).getComponent("activecampaign");
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
            Map<String, Object> actual = new LinkedHashMap<>();
            expected.keySet().forEach(name -> actual.put(name, getter.getOptionValue(component, name, true)));
            assertThat(actual).isEqualTo(expected);
        });
    }

    @Test
    void aConfigurationBeanIsRefinedByTheOtherProperties() {
        ActiveCampaignConfiguration shared = new ActiveCampaignConfiguration();
        shared.setBaseUrl("https://shared.api-us1.com/api/3");
        runner.withBean("sharedConfiguration", ActiveCampaignConfiguration.class, () -> shared)
                .withPropertyValues(PREFIX + "configuration=#bean:sharedConfiguration", PREFIX + "page-size=42")
                .run(context -> {
                    ActiveCampaignComponent component = context.getBean(CamelContext.class)
                            .getComponent("activecampaign", ActiveCampaignComponent.class);
                    assertThat(component.getConfiguration()).isSameAs(shared);
                    assertThat(shared.getBaseUrl()).isEqualTo("https://shared.api-us1.com/api/3");
                    assertThat(shared.getPageSize()).isEqualTo(42);
                });
    }

    @Test
    void unsetAndBlankPropertiesKeepTheComponentDefaults() {
        runner.withPropertyValues(PREFIX + "base-url=${ACTIVECAMPAIGN_TEST_UNSET_VARIABLE:}", PREFIX + "max-attempts=5")
                .run(context -> {
                    ActiveCampaignComponent component = context.getBean(CamelContext.class)
                            .getComponent("activecampaign", ActiveCampaignComponent.class);
                    ActiveCampaignConfiguration defaults = new ActiveCampaignConfiguration();
                    assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(defaults.getBaseUrl());
                    assertThat(component.getConfiguration().getRateLimit()).isEqualTo(defaults.getRateLimit());
                    assertThat(component.getConfiguration().getMaxAttempts()).isEqualTo(5);
                });
    }

    @Test
    void aPropertyNamingNoBeanFailsTheStartupNamingTheProperty() {
        runner.withPropertyValues(PREFIX + "state-repository=#bean:noSuchRepository").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("noSuchRepository");
            assertThat(context.getStartupFailure()).hasStackTraceContaining(PREFIX + "state-repository");
        });
    }

    @Test
    void theCustomizerCanBeSwitchedOff() {
        runner.withPropertyValues(PREFIX + "page-size=42", PREFIX + "customizer.enabled=false").run(context -> {
            ActiveCampaignComponent component = context.getBean(CamelContext.class)
                    .getComponent("activecampaign", ActiveCampaignComponent.class);
            assertThat(component.getConfiguration().getPageSize())
                    .isEqualTo(new ActiveCampaignConfiguration().getPageSize());
        });
    }

    /** A value of the option's type that differs from its default. */
    static Object sampleValue(ComponentOptionModel option) {
        String javaType = option.getJavaType();
        Object defaultValue = option.getDefaultValue();
        switch (option.getType()) {
            case "boolean":
                return !Boolean.parseBoolean(String.valueOf(defaultValue));
            case "integer":
            case "duration": {
                long value = (defaultValue == null ? 0 : Long.parseLong(defaultValue.toString())) + 7;
                return javaType.equals("long") || javaType.equals("java.lang.Long") ? (Object) value : (Object) (int) value;
            }
            case "number": {
                double value = defaultValue == null ? 0 : Double.parseDouble(defaultValue.toString());
                return value == 0 ? 0.25 : value / 4;
            }
            default:
                if (javaType.startsWith("java.lang.Class")) {
                    return java.util.LinkedHashMap.class;
                }
                if (option.getEnums() != null && !option.getEnums().isEmpty()) {
                    return option.getEnums().stream().filter(e -> !e.equals(String.valueOf(defaultValue))).findFirst()
                            .orElseThrow();
                }
                return VALID_TEXT.getOrDefault(option.getName(), "sample-" + option.getName());
        }
    }

    /** A bean of the option's type: a proxy for an interface, a new instance of a class. */
    static Object instanceOf(Class<?> type) throws ReflectiveOperationException {
        if (type.isInterface()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "toString":
                        return "sample " + type.getSimpleName();
                    default:
                        if (method.getReturnType() == void.class) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method + " is not called by this test");
                }
            });
        }
        return type.getConstructor().newInstance();
    }

    static Class<?> rawType(ComponentOptionModel option) {
        String type = option.getJavaType();
        try {
            return Class.forName(type.contains("<") ? type.substring(0, type.indexOf('<')) : type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static ApplicationContextRunner withBean(ApplicationContextRunner runner, String name, Object instance) {
        return runner.withBean(name, (Class) instance.getClass(), () -> instance);
    }

    /** The starter's own entries of the configuration metadata on the class path. */
    static Map<String, JsonNode> starterMetadata() throws IOException {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (URL url : Collections.list(ActiveCampaignStarterOptionsTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : mapper.readTree(in).path("properties")) {
                    if (property.path("name").asText().startsWith(PREFIX)) {
                        properties.put(property.path("name").asText(), property);
                    }
                }
            }
        }
        return properties;
    }

    /** Spring Boot's kebab-case of a Java property name: a dash before each capital. */
    static String dashed(String name) {
        StringBuilder dashed = new StringBuilder();
        for (char c : name.toCharArray()) {
            dashed.append(Character.isUpperCase(c) && dashed.length() > 0 ? "-" : "").append(c);
        }
        return dashed.toString().toLowerCase(Locale.ENGLISH);
    }

    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String normalized(Object value) {
        String text = value.toString();
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
