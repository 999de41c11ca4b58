// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Regenerates the catalog from the reference OpenAPI description, when a checkout has it beside the project
 * (../shared/reference), and checks that the committed files are what the generator writes. Skipped otherwise:
 * users who clone the project alone build from the committed catalog.
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
    void coversEveryOperationOfTheDescription() throws Exception {
        List<SpecOperation> spec = SpecReader.read(SPEC);
        assertThat(operations).hasSize(spec.size()).hasSize(256);
        Set<String> described = spec.stream().map(SpecOperation::key).collect(Collectors.toSet());
        Set<String> generated = operations.stream().map(o -> o.specMethod() + " " + o.specPath())
                .collect(Collectors.toSet());
        assertThat(generated).isEqualTo(described);
    }

    @Test
    void committedFilesAreWhatTheGeneratorWrites(@TempDir Path out) throws Exception {
        CatalogGenerator.write(operations, out);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path committed = ROOT.resolve(out.relativize(file).toString());
                assertThat(committed).as("committed " + out.relativize(file) + "; run the generator (README)")
                        .exists().hasSameTextualContentAs(file);
            }
        }
    }
}
