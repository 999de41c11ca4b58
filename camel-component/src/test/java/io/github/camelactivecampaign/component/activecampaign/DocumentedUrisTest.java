// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code activecampaign:} URI the docs and the examples show validates in Apache Camel's catalog, so that a
 * user who copies one into a route checked by tooling (IDE plugins, route validators) gets no warning.
 */
class DocumentedUrisTest {

    /** A URI up to the end of its string literal, code span or line; the query may be cut where a value is built. */
    private static final Pattern URI = Pattern.compile("activecampaign:[A-Za-z]+/[A-Za-z]+(\\?[^\"'`\\s)]*)?");
    private static final Path TOP = Path.of("..");

    @Test
    void everyDocumentedUriValidates() throws IOException {
        CamelCatalog catalog = new DefaultCamelCatalog(true);
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/camelactivecampaign/component/activecampaign/activecampaign.json")) {
            catalog.addComponent("activecampaign", ActiveCampaignComponent.class.getName(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Path> sources = new ArrayList<>(List.of(TOP.resolve("README.md"),
                Path.of("src/main/docs/activecampaign-component.adoc")));
        try (Stream<Path> examples = Files.walk(TOP.resolve("examples"))) {
            examples.filter(p -> p.toString().contains("/src/main/"))
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yaml"))
                    .forEach(sources::add);
        }
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (Path source : sources) {
            Matcher uris = URI.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (uris.find()) {
                // a value built at runtime ("...startFrom=" + x) ends the literal: drop that last, empty option
                String uri = uris.group().replaceAll("[?&][^=&?]+=$", "").replace("&amp;", "&");
                if (uri.equals("activecampaign:resource/operation")) {
                    continue; // the URI format itself
                }
                EndpointValidationResult result = catalog.validateEndpointProperties(uri);
                if (!result.isSuccess()) {
                    refused.add(source + ": " + uri + ": " + result.summaryErrorMessage(false));
                }
                checked++;
            }
        }
        assertThat(checked).as("documented URIs found").isGreaterThan(10);
        assertThat(refused).as("documented URIs Camel's catalog refuses").isEmpty();
    }
}
