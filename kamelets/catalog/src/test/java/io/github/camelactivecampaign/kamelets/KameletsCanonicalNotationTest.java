// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kamelet is written in the canonical YAML DSL notation, as the Apache Kamelet catalog requires: Camel 4.22
 * logs "YAML DSL compact notation detected" for the compact one, on every load, to users who cannot change the
 * file.
 */
class KameletsCanonicalNotationTest {

    @Test
    void noKameletIsInTheCompactNotation() throws Exception {
        for (Path kamelet : Kamelets.sources()) {
            assertThat(CompactNotationWarnings.whileLoading(kamelet)).as(kamelet.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void theCheckSeesTheCompactNotation(@TempDir Path directory) throws Exception {
        // a step written as a string, as the Kamelets once had it
        Path compact = Files.writeString(directory.resolve("compact.kamelet.yaml"), """
                apiVersion: camel.apache.org/v1
                kind: Kamelet
                metadata:
                  name: compact-source
                spec:
                  definition:
                    title: Compact
                  template:
                    from:
                      uri: "timer:tick"
                      steps:
                        - to: "kamelet:sink"
                """);

        assertThat(CompactNotationWarnings.whileLoading(compact)).singleElement().asString()
                .contains("compact notation detected");
    }
}
