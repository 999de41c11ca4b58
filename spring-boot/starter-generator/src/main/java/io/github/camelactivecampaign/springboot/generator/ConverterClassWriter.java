// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot.generator;

import java.util.List;

/**
 * Writes the starter's converter: Spring Boot binds a property whose option is a bean (a StateRepository, an
 * SSLContextParameters, ...) by looking the named bean up, as camel-spring-boot's generated converters do. A name
 * that matches no bean fails the binding, naming the property, rather than leaving the option unset.
 */
final class ConverterClassWriter {

    private ConverterClassWriter() {
    }

    static String write(String packageName, String className, String prefix, List<StarterOption> options) {
        List<String> types = options.stream().filter(StarterOption::beanReference).map(StarterOption::rawType)
                .distinct().toList();
        StringBuilder java = new StringBuilder(JavaSource.HEADER);
        java.append("package ").append(packageName).append(";\n\n");
        java.append("""
                import java.util.LinkedHashSet;
                import java.util.Set;

                import org.springframework.beans.factory.NoSuchBeanDefinitionException;
                import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
                import org.springframework.context.ApplicationContext;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.core.convert.TypeDescriptor;
                import org.springframework.core.convert.converter.GenericConverter;
                import org.springframework.stereotype.Component;

                """);
        java.append(JavaSource.javadoc("Binds the " + prefix + ".* properties whose option is an object to the "
                + "bean they name: #bean:name, #name or name.", ""));
        java.append("""
                @Configuration(proxyBeanMethods = false)
                @ConfigurationPropertiesBinding
                @Component
                """);
        java.append("public class ").append(className).append(" implements GenericConverter {\n\n");
        java.append("    private final ApplicationContext applicationContext;\n\n");
        java.append("    public ").append(className).append("(ApplicationContext applicationContext) {\n");
        java.append("        this.applicationContext = applicationContext;\n");
        java.append("    }\n\n");
        java.append("    @Override\n");
        java.append("    public Set<ConvertiblePair> getConvertibleTypes() {\n");
        java.append("        Set<ConvertiblePair> pairs = new LinkedHashSet<>();\n");
        for (String type : types) {
            java.append("        pairs.add(new ConvertiblePair(String.class, ").append(type).append(".class));\n");
        }
        java.append("        return pairs;\n");
        java.append("    }\n\n");
        java.append("    @Override\n");
        java.append("    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n");
        java.append("        if (source == null) {\n");
        java.append("            return null;\n");
        java.append("        }\n");
        java.append("        String reference = source.toString().trim();\n");
        java.append("        String name = reference.startsWith(\"#bean:\") ? reference.substring(6)\n");
        java.append("                : reference.startsWith(\"#\") ? reference.substring(1) : reference;\n");
        java.append("        try {\n");
        java.append("            return applicationContext.getBean(name, targetType.getType());\n");
        java.append("        } catch (NoSuchBeanDefinitionException e) {\n");
        // Spring Boot's binder adds the property's name to the message
        java.append("            throw new IllegalArgumentException(\"No bean named '\" + name + \"' of type \"\n");
        java.append("                    + targetType.getType().getName() + \": define one, or refer to an existing "
                    + "bean as #bean:name\", e);\n");
        java.append("        }\n");
        java.append("    }\n");
        java.append("}\n");
        return java.toString();
    }
}
