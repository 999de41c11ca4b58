// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot.generator;

import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StarterOptionTest {

    @Test
    void primitivesBecomeWrappersSoThatUnsetIsNull() {
        StarterOption option = StarterOption.of(option("pageSize", "integer", "int", 100));

        assertThat(option.type()).isEqualTo("Integer");
        assertThat(option.javaType()).isEqualTo("java.lang.Integer");
        assertThat(option.defaultValue()).isEqualTo(100L);
        assertThat(option.beanReference()).isFalse();
        assertThat(option.propertyName()).isEqualTo("page-size");
    }

    @Test
    void objectsAreBeansReferencedByName() {
        StarterOption option = StarterOption.of(option("stateRepository", "object",
                "org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String>", null));

        assertThat(option.beanReference()).isTrue();
        assertThat(option.rawType()).isEqualTo("org.apache.camel.spi.StateRepository");
        assertThat(option.type()).isEqualTo("org.apache.camel.spi.StateRepository<String, String>");
        assertThat(option.description()).endsWith("refer to a bean by its name (#bean:name).");
    }

    @Test
    void collectionsAndClassesAreBoundBySpringBootItself() {
        assertThat(StarterOption.of(option("headers", "object", "java.util.Map<java.lang.String, java.lang.Object>",
                null)).beanReference()).isFalse();
        assertThat(StarterOption.of(option("outputClass", "string", "java.lang.Class<java.lang.Object>", null)).type())
                .isEqualTo("Class<Object>");
    }

    @Test
    void defaultsKeepTheirJsonKind() {
        assertThat(StarterOption.of(option("rateLimit", "number", "double", 5.0)).defaultValue()).isEqualTo(5.0);
        assertThat(StarterOption.of(option("batch", "boolean", "boolean", false)).defaultValue()).isEqualTo(false);
        assertThat(StarterOption.of(option("startFrom", "string", "java.lang.String", "now")).defaultValue())
                .isEqualTo("now");
        assertThat(StarterOption.of(option("delay", "duration", "long", "30s")).defaultValue())
                .as("a duration text is not the Long the property takes").isNull();
    }

    @Test
    void namesOfTheAutoConfigurationLayerAreRefused() {
        assertThatThrownBy(() -> StarterOption.of(option("enabled", "boolean", "boolean", true)))
                .hasMessageContaining("'enabled'").hasMessageContaining("rename the option");
    }

    @Test
    void kebabCaseFollowsSpringBootsMetadataProcessor() {
        assertThat(StarterOption.of(option("sslContextParameters", "object",
                "org.apache.camel.support.jsse.SSLContextParameters", null)).propertyName())
                .isEqualTo("ssl-context-parameters");
        assertThat(StarterOption.of(option("brokerURL", "string", "java.lang.String", null)).propertyName())
                .isEqualTo("broker-u-r-l");
    }

    private static ComponentOptionModel option(String name, String type, String javaType, Object defaultValue) {
        ComponentOptionModel option = new ComponentOptionModel();
        option.setName(name);
        option.setKind("property");
        option.setType(type);
        option.setJavaType(javaType);
        option.setDefaultValue(defaultValue);
        option.setDescription("The " + name + ".");
        return option;
    }
}
