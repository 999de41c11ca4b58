// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML users copy is in the canonical YAML DSL notation: Camel 4.22 warns "compact notation detected" on every
 * load of the compact one. Checked here, on Camel 4.22's YAML DSL: this example's routes and the YAML snippets of
 * the component page.
 */
class CanonicalYamlTest {

    static final Path ROUTES = Path.of("src/main/resources/routes");
    static final Path COMPONENT_PAGE = Path.of("../../camel-component/src/main/docs/activecampaign-component.adoc");
    static final Pattern YAML_BLOCK = Pattern.compile("\\[source,yaml]\\n----\\n(.*?)\\n----", Pattern.DOTALL);

    @Test
    void theExampleRoutesAreCanonical() throws Exception {
        List<Path> routes;
        try (Stream<Path> files = Files.list(ROUTES)) {
            routes = files.filter(f -> f.toString().endsWith(".camel.yaml")).toList();
        }
        assertThat(routes).isNotEmpty();
        for (Path route : routes) {
            assertThat(CompactNotationWarnings.whileLoading(route)).as(route.toString()).isEmpty();
        }
    }

    @Test
    void theYamlOfTheComponentPageIsCanonical(@TempDir Path directory) throws Exception {
        List<String> snippets = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(Files.readString(COMPONENT_PAGE));
        while (block.find()) {
            snippets.add(block.group(1));
        }
        assertThat(snippets).as("YAML snippets of " + COMPONENT_PAGE).isNotEmpty();
        for (int i = 0; i < snippets.size(); i++) {
            Path snippet = Files.writeString(directory.resolve("snippet-" + i + ".camel.yaml"), snippets.get(i));
            assertThat(CompactNotationWarnings.whileLoading(snippet)).as(snippets.get(i)).isEmpty();
        }
    }

    @Test
    void theCheckSeesTheCompactNotation(@TempDir Path directory) throws Exception {
        Path compact = Files.writeString(directory.resolve("compact.camel.yaml"), """
                - route:
                    from:
                      uri: direct:upsert
                      steps:
                        - to: activecampaign:contacts/sync
                """);

        assertThat(CompactNotationWarnings.whileLoading(compact)).singleElement().asString()
                .contains("compact notation detected");
    }
}
