// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot.generator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;

/**
 * One component option as a property of the starter: its type in the source ({@code type}) and fully qualified
 * ({@code javaType}, {@code rawType} without type arguments), the description and the default it shows in the IDE,
 * and whether it is a bean that a Spring property refers to by name.
 */
record StarterOption(String name, String type, String javaType, String rawType, String description, Object defaultValue,
                     boolean deprecated, String deprecationNote, boolean beanReference) {

    /** Names the auto-configuration layer owns (ComponentConfigurationPropertiesCommon), never component options. */
    static final Set<String> RESERVED = Set.of("enabled", "customizer");

    private static final Pattern JAVA_LANG = Pattern.compile("\\bjava\\.lang\\.([A-Z]\\w*)\\b(?!\\.)");

    private static final Map<String, String> WRAPPERS = Map.of(
            "boolean", "java.lang.Boolean", "int", "java.lang.Integer", "long", "java.lang.Long",
            "double", "java.lang.Double", "float", "java.lang.Float", "short", "java.lang.Short",
            "byte", "java.lang.Byte", "char", "java.lang.Character");

    static StarterOption of(ComponentOptionModel option) {
        if (RESERVED.contains(option.getName().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("The component option '" + option.getName() + "' has the name of a "
                    + "property of the Spring Boot auto-configuration itself (camel.component.<scheme>."
                    + option.getName() + "); rename the option");
        }
        // wrappers, so that null tells an unset property from one set to the default
        String javaType = WRAPPERS.getOrDefault(option.getJavaType(), option.getJavaType()).replace('$', '.');
        String rawType = javaType.contains("<") ? javaType.substring(0, javaType.indexOf('<')) : javaType;
        // java.lang types by their simple name: the metadata processor reads "java.lang.Integer x;" as defaulting to 0
        String type = JAVA_LANG.matcher(javaType).replaceAll("$1");
        boolean beanReference = isBeanReference(option, rawType);
        String description = option.getDescription() == null ? "" : option.getDescription().trim();
        if (beanReference) {
            description += (description.isEmpty() || description.endsWith(".") ? "" : ".") + " The option is a "
                           + rawType + " type: refer to a bean by its name (#bean:name).";
        }
        return new StarterOption(option.getName(), type, javaType, rawType, description.trim(), metadataDefault(option),
                option.isDeprecated(), option.getDeprecationNote(), beanReference);
    }

    /**
     * Objects Spring Boot cannot build from text are beans of the application, named in the property; collections,
     * java.time values, enums and classes Spring Boot converts itself.
     */
    private static boolean isBeanReference(ComponentOptionModel option, String rawType) {
        return "object".equals(option.getType())
               && (option.getEnums() == null || option.getEnums().isEmpty())
               && !rawType.startsWith("java.lang.")
               && !rawType.startsWith("java.util.") && !rawType.startsWith("java.time.");
    }

    /** The default as the metadata's JSON wants it: a boolean, a number or a string; none for durations like 30s. */
    private static Object metadataDefault(ComponentOptionModel option) {
        Object value = option.getDefaultValue();
        if (value == null || value.toString().isEmpty()) {
            return null;
        }
        String text = value.toString();
        switch (option.getType()) {
            case "boolean":
                return Boolean.valueOf(text);
            case "integer":
            case "number":
            case "duration":
                try {
                    return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
                } catch (NumberFormatException notANumber) {
                    return null;
                }
            default:
                return text;
        }
    }

    String capitalized() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Spring Boot's property name for the field: a dash before each capital, as its metadata processor writes. */
    String propertyName() {
        StringBuilder dashed = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && name.charAt(i - 1) != '-' && name.charAt(i - 1) != '_') {
                dashed.append('-');
            }
            dashed.append(c);
        }
        return dashed.toString().toLowerCase(Locale.ENGLISH);
    }
}
