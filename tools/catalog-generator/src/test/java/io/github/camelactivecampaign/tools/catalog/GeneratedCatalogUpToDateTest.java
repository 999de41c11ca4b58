// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Regenerates the catalog from the reference OpenAPI description, when a checkout has it beside the project
 * (../shared/reference, or -Dspec=...), and checks that the committed files (operations.json, the generated
 * classes under camel-component/src/generated/java, docs/operations.md and the simulator's reference-examples.json)
 * are what the generator writes. Skipped otherwise: users who clone the project alone build from the committed
 * catalog.
 */
class GeneratedCatalogUpToDateTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path SPEC = Path.of(System.getProperty("spec",
            ROOT.resolve("../shared/reference/activecampaign-v3-openapi.yaml").toString()));

    private static List<CatalogOperation> operations;

    @BeforeEach
    void generate() throws Exception {
        assumeTrue(Files.isRegularFile(SPEC), "the reference OpenAPI description is not at " + SPEC
                                              + " (set -Dspec=...); the committed catalog is not compared");
        if (operations == null) {
            operations = CatalogGenerator.generate(SPEC);
        }
    }

    @Test
    void coversEveryOperationOfTheDescriptionAndTheUnlistedOnes() throws Exception {
        List<SpecOperation> spec = SpecReader.read(SPEC);
        assertThat(spec).hasSize(256);
        Set<String> described = spec.stream().map(SpecOperation::key).collect(Collectors.toSet());
        Set<String> generated = operations.stream().filter(o -> o.specPath() != null)
                .map(o -> o.specMethod() + " " + o.specPath()).collect(Collectors.toSet());
        assertThat(generated).isEqualTo(described);
        List<String> unlisted = operations.stream().filter(o -> o.specPath() == null).map(CatalogOperation::name)
                .toList();
        assertThat(unlisted).containsExactlyInAnyOrder("contacts/contactTags", "contactTags/list", "contactLists/list");
        assertThat(operations).hasSize(spec.size() + unlisted.size());
    }

    @Test
    void servesEveryContactLinkOfARealContact() {
        Set<String> served = operations.stream().filter(o -> "GET".equals(o.method())).map(CatalogOperation::path)
                .collect(Collectors.toSet());
        assertThat(SpecCorrections.CONTACT_LINKS).allSatisfy(link -> assertThat(served)
                .as("a real contact links " + link).contains("/contacts/{id}/" + link));
    }

    @Test
    void committedFilesAreWhatTheGeneratorWrites(@TempDir Path out) throws Exception {
        CatalogGenerator.write(operations, out);
        List<Path> written;
        try (Stream<Path> files = Files.walk(out)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).extracting(f -> out.relativize(f).toString().replace('\\', '/'))
                .contains(CatalogGenerator.OPERATIONS_JSON, CatalogGenerator.REFERENCE_EXAMPLES, "docs/operations.md")
                .allMatch(f -> !f.startsWith("camel-component/src/main/java"), "nothing is written into src/main/java");
        for (Path file : written) {
            Path committed = ROOT.resolve(out.relativize(file).toString());
            assertThat(committed).as("committed " + out.relativize(file) + "; run the generator (README)")
                    .exists().hasSameTextualContentAs(file);
        }
        assertThat(CatalogGenerator.staleResources(operations, ROOT))
                .as("generated files of resources the catalog no longer has; run the generator (README)").isEmpty();
    }

    @Test
    void referenceExamplesCoverEveryOperationWithAnExample() throws Exception {
        JsonNode fixture = new ObjectMapper().readTree(ReferenceExamples.json(operations));
        Set<String> withExamples = operations.stream()
                .filter(o -> o.responseExamples().stream().anyMatch(e -> e.status().matches("\\d{3}")))
                .map(CatalogOperation::name).collect(Collectors.toSet());
        Set<String> inFixture = new HashSet<>();
        for (JsonNode entry : fixture) {
            inFixture.add(entry.path("operation").asText());
            assertThat(entry.has("example") != entry.has("invalidExample"))
                    .as("an entry has either a parsed example or the reason it has none: " + entry).isTrue();
        }
        assertThat(inFixture).isEqualTo(withExamples).hasSizeGreaterThan(200);
        JsonNode accountCreated = find(fixture, "accounts/create", 201);
        assertThat(accountCreated.path("example").path("account").path("name").asText()).isEqualTo("Example Account");
        assertThat(accountCreated.path("requestExample").path("account").path("name").asText())
                .isEqualTo("Example Account");
        assertThat(find(fixture, "siteTracking/code", 200).path("invalidExample").asText()).startsWith("not JSON");
    }

    private static JsonNode find(JsonNode fixture, String operation, int status) {
        for (JsonNode entry : fixture) {
            if (entry.path("operation").asText().equals(operation) && entry.path("status").asInt() == status) {
                return entry;
            }
        }
        throw new AssertionError("no example of " + operation + " " + status + " in the fixture");
    }
}
