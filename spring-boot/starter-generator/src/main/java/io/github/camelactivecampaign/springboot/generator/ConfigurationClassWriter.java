// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot.generator;

import java.util.List;

/**
 * Writes the starter's configuration class: a {@code ComponentConfigurationPropertiesCommon} with one property per
 * component option, its Javadoc the option's description (spring-boot-configuration-processor turns it into the
 * configuration metadata). The properties are left null until set, so an unset property keeps the component's
 * default and a bean given as {@code configuration} is not overwritten by defaults.
 */
final class ConfigurationClassWriter {

    private ConfigurationClassWriter() {
    }

    static String write(String packageName, String className, String prefix, String componentDescription,
                        List<StarterOption> options) {
        StringBuilder java = new StringBuilder(JavaSource.HEADER);
        java.append("package ").append(packageName).append(";\n\n");
        java.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n");
        java.append("import org.springframework.boot.context.properties.ConfigurationProperties;\n");
        if (options.stream().anyMatch(StarterOption::deprecated)) {
            java.append("import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;\n");
        }
        java.append('\n');
        java.append(JavaSource.javadoc(componentDescription + "\n\nThe " + prefix + ".* properties, one per option "
                + "of the component. An unset property keeps the component's default.", ""));
        java.append("@ConfigurationProperties(prefix = ").append(JavaSource.literal(prefix)).append(")\n");
        java.append("public class ").append(className).append(" extends ComponentConfigurationPropertiesCommon {\n");
        for (StarterOption option : options) {
            java.append('\n');
            java.append(JavaSource.javadoc(option.description(), "    "));
            if (option.deprecated()) {
                java.append("    @Deprecated\n");
            }
            java.append("    private ").append(option.type()).append(' ').append(option.name()).append(";\n");
        }
        for (StarterOption option : options) {
            java.append('\n');
            if (option.deprecated()) {
                java.append("    @Deprecated\n");
                java.append("    @DeprecatedConfigurationProperty");
                if (option.deprecationNote() != null && !option.deprecationNote().isBlank()) {
                    java.append("(reason = ").append(JavaSource.literal(option.deprecationNote())).append(')');
                }
                java.append('\n');
            }
            java.append("    public ").append(option.type()).append(" get").append(option.capitalized())
                    .append("() {\n");
            java.append("        return ").append(option.name()).append(";\n");
            java.append("    }\n\n");
            if (option.deprecated()) {
                java.append("    @Deprecated\n");
            }
            java.append("    public void set").append(option.capitalized()).append('(').append(option.type())
                    .append(' ').append(option.name()).append(") {\n");
            java.append("        this.").append(option.name()).append(" = ").append(option.name()).append(";\n");
            java.append("    }\n");
        }
        java.append("}\n");
        return java.toString();
    }
}
