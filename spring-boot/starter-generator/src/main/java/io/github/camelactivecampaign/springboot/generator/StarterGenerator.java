// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.camel.tooling.model.ComponentModel;

/**
 * Generates a Spring Boot starter's option-dependent sources from the component JSON on the class path, the way
 * camel-spring-boot generates its starters: the configuration class (one property per component option), the
 * converter for options that are beans, and the defaults of the configuration metadata.
 * <p>
 * Arguments: the component's scheme, the Java package of the starter, the directory for Java sources, the
 * directory for resources. The starter's build runs it in generate-sources with the component on the class path,
 * so the starter follows every change of the component's options.
 */
public final class StarterGenerator {

    private StarterGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("Usage: StarterGenerator <scheme> <package> <java output directory> "
                                               + "<resources output directory>");
        }
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        generate(ComponentMetadata.load(classLoader, args[0]), args[1], Path.of(args[2]), Path.of(args[3]));
    }

    /** Writes the files, and returns the Java files written. */
    static List<Path> generate(ComponentModel component, String packageName, Path javaDirectory,
                               Path resourcesDirectory) throws IOException {
        List<StarterOption> options = component.getComponentOptions().stream().map(StarterOption::of).toList();
        String prefix = "camel.component." + component.getScheme().toLowerCase(Locale.ROOT);
        String componentClass = component.getJavaType().substring(component.getJavaType().lastIndexOf('.') + 1);
        String configurationName = componentClass.replace("Component", "ComponentConfiguration");
        String converterName = componentClass.replace("Component", "ComponentConverter");

        Path packageDirectory = javaDirectory.resolve(packageName.replace('.', '/'));
        Path configuration = write(packageDirectory.resolve(configurationName + ".java"),
                ConfigurationClassWriter.write(packageName, configurationName, prefix, component.getDescription(),
                        options));
        Path converter = write(packageDirectory.resolve(converterName + ".java"),
                ConverterClassWriter.write(packageName, converterName, prefix, options));
        write(resourcesDirectory.resolve("META-INF/additional-spring-configuration-metadata.json"),
                MetadataDefaultsWriter.write(prefix, component.getScheme(), options));
        return List.of(configuration, converter);
    }

    // unchanged files keep their time stamp, so an incremental build does not recompile the starter
    private static Path write(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
