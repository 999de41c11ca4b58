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
 * camel-package-maven-plugin writes, between the usual markers. This test fails when they are stale; run it with
 * {@code -Dactivecampaign.updateDocs=true} to rewrite them.
 */
class ComponentDocTest {

    private static final Path DOC = Path.of("src/main/docs/activecampaign-component.adoc");
    private static final String START = "// component options: START";
    private static final String END = "// component options: END";

    @Test
    void optionTablesMatchTheComponentMetadata() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/camelactivecampaign/component/activecampaign/activecampaign.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("the page has the marker " + START).isGreaterThanOrEqualTo(0);
        assertThat(end).as("the page has the marker " + END).isGreaterThan(start);
        String expected = doc.substring(0, start + START.length()) + "\n" + tables(json) + doc.substring(end);
        if (Boolean.getBoolean("activecampaign.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc).as("the option tables of " + DOC + " are stale: run mvn test -Dtest=ComponentDocTest "
                           + "-Dactivecampaign.updateDocs=true").isEqualTo(expected);
    }

    static String tables(JsonNode json) {
        StringBuilder out = new StringBuilder();
        out.append("// Generated from the component JSON by ComponentDocTest. Do not edit.\n");
        out.append("\n=== Component options\n\n");
        options(out, json.path("componentProperties"));
        out.append("\n=== Endpoint options\n\n");
        options(out, json.path("properties"));
        out.append("\n=== Message headers\n\n");
        out.append("Every operation parameter also has a header, `CamelActiveCampaign` + the option capitalised "
                   + "(e.g. `CamelActiveCampaignId`); the component metadata lists them all. The component's own "
                   + "headers:\n\n");
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        Iterator<Map.Entry<String, JsonNode>> headers = json.path("headers").fields();
        while (headers.hasNext()) {
            Map.Entry<String, JsonNode> header = headers.next();
            if (header.getValue().path("description").asText().startsWith("Operation parameter")) {
                continue;
            }
            out.append("| *").append(header.getKey()).append("* | ")
                    .append(cell(header.getValue().path("description").asText())).append(" | | ")
                    .append(cell(header.getValue().path("javaType").asText())).append('\n');
        }
        out.append("|===\n\n");
        return out.toString();
    }

    private static void options(StringBuilder out, JsonNode properties) {
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
        out.append("|===\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
