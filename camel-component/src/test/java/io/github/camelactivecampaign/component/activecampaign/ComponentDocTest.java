// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of the component page are generated from the component JSON that
 * camel-package-maven-plugin writes, each between the markers Camel's own component pages use. This test fails when
 * they are stale; run it with {@code -Dactivecampaign.updateDocs=true} to rewrite them.
 */
class ComponentDocTest {

    private static final Path DOC = Path.of("src/main/docs/activecampaign-component.adoc");
    private static final String GENERATED = "// Generated from the component JSON by ComponentDocTest. Do not edit.\n";

    @Test
    void optionTablesMatchTheComponentMetadata() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/camelactivecampaign/component/activecampaign/activecampaign.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = doc;
        expected = region(expected, "component options", "=== Component options\n\n"
                                                         + options(json.path("componentProperties")));
        expected = region(expected, "endpoint options", "=== Endpoint options\n\n"
                                                        + options(json.path("properties")));
        expected = region(expected, "component headers", headers(json.path("headers")));
        if (Boolean.getBoolean("activecampaign.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("the option tables of " + DOC + " are stale: run mvn test -Dtest=ComponentDocTest "
                           + "-Dactivecampaign.updateDocs=true").isEqualTo(expected);
    }

    /** The page with the text between "// NAME: START" and "// NAME: END" replaced. */
    private static String region(String doc, String name, String content) {
        String start = "// " + name + ": START";
        String end = "// " + name + ": END";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).as("the page has the marker " + start).isGreaterThanOrEqualTo(0);
        assertThat(to).as("the page has the marker " + end).isGreaterThan(from);
        return doc.substring(0, from + start.length()) + "\n" + GENERATED + "\n" + content + "\n" + doc.substring(to);
    }

    private static String headers(JsonNode headers) {
        StringBuilder out = new StringBuilder("=== Message headers\n\n");
        out.append("Every operation parameter also has a header, `CamelActiveCampaign` + the option capitalised "
                   + "(e.g. `CamelActiveCampaignId`, `CamelActiveCampaignFiltersUpdatedAfter`); the component "
                   + "metadata lists them all for tooling. The component's own headers:\n\n");
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> header = fields.next();
            if (header.getValue().path("description").asText().startsWith("Operation parameter")) {
                continue;
            }
            out.append("| *").append(header.getKey()).append("* (").append(header.getValue().path("label").asText())
                    .append(") | ").append(cell(header.getValue().path("description").asText())).append(" | | ")
                    .append(cell(header.getValue().path("javaType").asText())).append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String options(JsonNode properties) {
        StringBuilder out = new StringBuilder();
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> option = fields.next();
            JsonNode value = option.getValue();
            out.append("| *").append(option.getKey()).append("* (").append(value.path("group").asText())
                    .append(") | ").append(value.path("required").asBoolean() ? "*Required* " : "")
                    .append(cell(value.path("description").asText())).append(" | ")
                    .append(cell(value.path("defaultValue").asText(""))).append(" | ")
                    .append(cell(value.path("type").asText())).append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
