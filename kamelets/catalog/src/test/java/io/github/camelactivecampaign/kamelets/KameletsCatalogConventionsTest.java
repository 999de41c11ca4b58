// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.kamelets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Kamelet carries what the Apache Kamelet catalog's Kamelets carry: the catalog annotations (support level,
 * catalog version, icon, provider, group, namespace), the type label, a title and description, and a title,
 * description and type for each property, with secrets marked as credentials. Its template uses exactly the
 * properties it declares, and no version is pinned in the source: the build writes its own.
 */
class KameletsCatalogConventionsTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_]+)}}");

    static List<Path> kamelets() {
        return Kamelets.sources();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void carriesTheCatalogAnnotationsAndLabel(Path file) {
        Map<String, Object> kamelet = Kamelets.parse(Kamelets.read(file));
        Map<String, Object> metadata = map(kamelet.get("metadata"));
        String name = (String) metadata.get("name");
        assertThat(file.getFileName().toString()).isEqualTo(name + ".kamelet.yaml");
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");

        Map<String, Object> annotations = map(metadata.get("annotations"));
        assertThat(annotations).containsKeys("camel.apache.org/kamelet.support.level",
                "camel.apache.org/provider", "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.namespace");
        assertThat(annotations.get("camel.apache.org/catalog.version")).isEqualTo("@project.version@");
        String icon = (String) annotations.get("camel.apache.org/kamelet.icon");
        assertThat(icon).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("xmlns=\"http://www.w3.org/2000/svg\"").containsPattern("</svg>\\s*$");

        String type = (String) map(metadata.get("labels")).get("camel.apache.org/kamelet.type");
        assertThat(type).isIn("source", "sink", "action");
        assertThat(name).endsWith("-" + type);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void describesEveryPropertyAndMarksSecrets(Path file) {
        Map<String, Object> definition = map(map(Kamelets.parse(Kamelets.read(file)).get("spec")).get("definition"));
        assertThat((String) definition.get("title")).isNotBlank();
        assertThat((String) definition.get("description")).isNotBlank();
        Map<String, Object> properties = map(definition.get("properties"));
        assertThat(properties.keySet()).containsAll(list(definition.get("required")));
        properties.forEach((name, value) -> {
            Map<String, Object> property = map(value);
            assertThat(property).as(name).containsKeys("title", "description", "type");
            boolean secret = name.toLowerCase().contains("key") || name.toLowerCase().contains("token")
                             || name.toLowerCase().contains("secret");
            if (secret) {
                assertThat(property).as(name).containsEntry("format", "password");
                assertThat(list(property.get("x-descriptors"))).as(name).contains("urn:camel:group:credentials");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void theTemplateUsesExactlyTheDeclaredProperties(Path file) {
        String text = Kamelets.read(file);
        Map<String, Object> spec = map(Kamelets.parse(text).get("spec"));
        String template = text.substring(text.indexOf("\n  template:"));
        Set<String> used = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(map(map(spec.get("definition")).get("properties"))
                .keySet());
        assertThat(spec).containsKey("template");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void pinsNoVersionButTheBuilds(Path file) {
        Map<String, Object> spec = map(Kamelets.parse(Kamelets.read(file)).get("spec"));
        assertThat(Kamelets.read(file)).doesNotContain("SNAPSHOT");
        for (String dependency : list(spec.get("dependencies"))) {
            if (dependency.startsWith("mvn:")) {
                assertThat(dependency).as("the build writes its version").endsWith(":@project.version@");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
