// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The component jar a user gets carries the catalog and the component metadata, and its operations.json is the
 * committed catalog.
 */
class ShippedCatalogTest {

    private static final Path COMPONENT = Path.of("../../camel-component").toAbsolutePath().normalize();

    @Test
    void jarCarriesTheCatalogAndTheComponentJson() throws Exception {
        Optional<Path> jar;
        try (Stream<Path> files = Files.list(COMPONENT.resolve("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("camel-activecampaign-.*\\.jar")
                                    && !f.getFileName().toString().contains("sources")).findFirst();
        } catch (java.io.IOException e) {
            jar = Optional.empty();
        }
        assumeTrue(jar.isPresent(), "the component jar is not built yet (run mvn verify, not mvn test)");
        String committed = Files.readString(COMPONENT.resolve(
                "src/main/resources/META-INF/activecampaign/operations.json"), StandardCharsets.UTF_8);
        try (JarFile file = new JarFile(jar.get().toFile())) {
            try (InputStream in = file.getInputStream(file.getEntry("META-INF/activecampaign/operations.json"))) {
                String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(shipped).isEqualTo(committed);
                assertThat(new ObjectMapper().readTree(shipped).size()).isGreaterThanOrEqualTo(256);
            }
            assertThat(file.getEntry("META-INF/io/github/camelactivecampaign/component/activecampaign/"
                                     + "activecampaign.json")).isNotNull();
            assertThat(file.getEntry("META-INF/services/org/apache/camel/component/activecampaign")).isNotNull();
        }
    }
}
