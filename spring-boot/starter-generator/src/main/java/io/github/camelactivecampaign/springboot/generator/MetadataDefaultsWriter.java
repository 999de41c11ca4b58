// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot.generator;

import java.util.List;
import java.util.Set;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Writes META-INF/additional-spring-configuration-metadata.json: the defaults of the component's options, and the
 * descriptions of the two switches the auto-configuration adds. spring-boot-configuration-processor merges it into
 * the spring-configuration-metadata.json it writes from the configuration class, so IDEs show each property's
 * default although the property itself stays null until set.
 */
final class MetadataDefaultsWriter {

    /**
     * Types spring-boot-configuration-processor leaves out of the metadata it writes (a DataSource property is
     * usually a mistake in a Spring Boot application; here it names the bean of the budget's database): their
     * properties are described in full here.
     */
    static final Set<String> LEFT_OUT_BY_THE_PROCESSOR = Set.of("javax.sql.DataSource", "java.lang.ClassLoader",
            "java.io.Writer", "java.io.PrintWriter", "java.util.concurrent.ThreadFactory");

    private MetadataDefaultsWriter() {
    }

    static String write(String prefix, String scheme, List<StarterOption> options) {
        JsonArray properties = new JsonArray();
        properties.add(property(prefix + ".enabled", "java.lang.Boolean",
                "Whether to enable auto configuration of the " + scheme + " component. This is enabled by default.",
                true));
        properties.add(property(prefix + ".customizer.enabled", "java.lang.Boolean",
                "Whether the " + prefix + ".* properties are applied to the " + scheme + " component.", true));
        for (StarterOption option : options) {
            if (LEFT_OUT_BY_THE_PROCESSOR.contains(option.rawType())) {
                properties.add(property(prefix + "." + option.propertyName(), option.javaType(),
                        option.description(), option.defaultValue()));
            } else if (option.defaultValue() != null) {
                properties.add(property(prefix + "." + option.propertyName(), option.javaType(), null,
                        option.defaultValue()));
            }
        }
        JsonObject metadata = new JsonObject();
        metadata.put("properties", properties);
        return Jsoner.prettyPrint(Jsoner.serialize(metadata), 2) + "\n";
    }

    private static JsonObject property(String name, String type, String description, Object defaultValue) {
        JsonObject property = new JsonObject();
        property.put("name", name);
        property.put("type", type);
        if (description != null) {
            property.put("description", description);
        }
        if (defaultValue != null) {
            property.put("defaultValue", defaultValue);
        }
        return property;
    }
}
