// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.kamelets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Kamelet source files of the project (kamelets/*.kamelet.yaml), as the build passes their directory.
 */
final class Kamelets {

    private Kamelets() {
    }

    static Path directory() {
        return Path.of(System.getProperty("kamelets.directory", ".."));
    }

    static List<Path> sources() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Path> kamelets = files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted()
                    .toList();
            if (kamelets.isEmpty()) {
                throw new IllegalStateException("No *.kamelet.yaml in " + directory().toAbsolutePath());
            }
            return kamelets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
