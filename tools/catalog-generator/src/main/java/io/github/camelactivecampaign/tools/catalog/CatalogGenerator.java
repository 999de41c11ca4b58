// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates the operation catalog from the ActiveCampaign v3 OpenAPI description:
 * <ul>
 * <li>{@code camel-component/src/main/resources/META-INF/activecampaign/operations.json}: the catalog the
 * runtime reads;</li>
 * <li>{@code camel-component/src/generated/java/.../api/}: one {@code @ApiParams} {@code *EndpointConfiguration}
 * class per resource (from which camel-package-maven-plugin writes the component's {@code apis} metadata), the
 * resource registry {@code ActiveCampaignApis} and the headers class {@code ActiveCampaignParameterHeaders};
 * nothing is written into (or deleted from) {@code src/main/java};</li>
 * <li>{@code docs/operations.md}: the operation reference;</li>
 * <li>{@code simulator/src/test/resources/reference-examples.json}: the reference's examples, for the simulator's
 * contract test (format: {@link ReferenceExamples}).</li>
 * </ul>
 * Usage: {@code CatalogGenerator <openapi.yaml> <project root>}.
 */
public final class CatalogGenerator {

    static final String BASE_PACKAGE = "io.github.camelactivecampaign.component.activecampaign";
    static final String OPERATIONS_JSON = "camel-component/src/main/resources/META-INF/activecampaign/operations.json";
    static final String GENERATED_SOURCES = "camel-component/src/generated/java";
    static final String GENERATED_RESOURCES = "camel-component/src/generated/resources";
    static final String REFERENCE_EXAMPLES = "simulator/src/test/resources/reference-examples.json";

    private CatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CatalogGenerator <activecampaign-v3-openapi.yaml> <project root>");
            System.exit(2);
        }
        Path spec = Path.of(args[0]);
        if (!Files.isRegularFile(spec)) {
            System.err.println("OpenAPI description not found: " + spec.toAbsolutePath()
                               + " (pass -Dspec=/path/to/activecampaign-v3-openapi.yaml)");
            System.exit(2);
        }
        List<CatalogOperation> operations = generate(spec);
        Path root = Path.of(args[1]);
        write(operations, root);
        removeStaleResources(operations, root);
        System.out.println("Catalog: " + operations.size() + " operations in "
                           + SourceWriter.byResource(operations).size() + " resources");
    }

    static List<CatalogOperation> generate(Path spec) throws IOException {
        List<SpecOperation> specOperations = SpecReader.read(spec);
        SpecCorrections.apply(specOperations);
        return CatalogBuilder.build(specOperations);
    }

    /** The package the generated classes live in, under {@code camel-component/src/generated/java}. */
    static Path apiSources(Path root) {
        return root.resolve(GENERATED_SOURCES).resolve(BASE_PACKAGE.replace('.', '/'))
                .resolve(SourceWriter.API_PACKAGE);
    }

    static void write(List<CatalogOperation> operations, Path root) throws IOException {
        Path api = apiSources(root);
        SourceWriter sources = new SourceWriter(BASE_PACKAGE);
        Map<String, List<CatalogOperation>> resources = SourceWriter.byResource(operations);
        for (Map.Entry<String, List<CatalogOperation>> resource : resources.entrySet()) {
            writeFile(api.resolve(SourceWriter.configurationClass(resource.getKey()) + ".java"),
                    sources.configuration(resource.getKey(), resource.getValue()));
        }
        writeFile(api.resolve(SourceWriter.REGISTRY_CLASS + ".java"), sources.registry(resources));
        writeFile(api.resolve(SourceWriter.HEADERS_CLASS + ".java"), sources.headers(operations));
        writeFile(root.resolve(OPERATIONS_JSON), json(operations));
        writeFile(root.resolve("docs/operations.md"), MarkdownWriter.reference(resources));
        writeFile(root.resolve(REFERENCE_EXAMPLES), ReferenceExamples.json(operations));
    }

    /**
     * The generated files of resources the catalog no longer has: their configuration class, the configurer
     * camel-package-maven-plugin generated for it and its service entry (a configurer of a removed class would not
     * compile). Only the {@code api} package under {@code src/generated} is touched.
     */
    static List<Path> staleResources(List<CatalogOperation> operations, Path root) throws IOException {
        Set<String> current = SourceWriter.byResource(operations).keySet().stream()
                .map(SourceWriter::configurationClass).collect(Collectors.toSet());
        Path api = apiSources(root);
        Path services = root.resolve(GENERATED_RESOURCES).resolve("META-INF/services/org/apache/camel/configurer");
        List<Path> stale = new ArrayList<>();
        if (Files.isDirectory(api)) {
            try (Stream<Path> files = Files.list(api)) {
                files.filter(f -> {
                    String name = f.getFileName().toString().replaceFirst("(Configurer)?\\.java$", "");
                    return name.endsWith("EndpointConfiguration") && !current.contains(name);
                }).forEach(stale::add);
            }
        }
        if (Files.isDirectory(services)) {
            String prefix = BASE_PACKAGE + "." + SourceWriter.API_PACKAGE + ".";
            try (Stream<Path> files = Files.list(services)) {
                files.filter(f -> {
                    String name = f.getFileName().toString();
                    return name.startsWith(prefix) && name.endsWith("EndpointConfiguration")
                           && !current.contains(name.substring(prefix.length()));
                }).forEach(stale::add);
            }
        }
        return stale;
    }

    private static void removeStaleResources(List<CatalogOperation> operations, Path root) throws IOException {
        for (Path file : staleResources(operations, root)) {
            System.out.println("Removing the generated " + root.relativize(file) + " of a resource no longer served");
            Files.delete(file);
        }
    }

    static String json(List<CatalogOperation> operations) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (CatalogOperation operation : operations) {
            ObjectNode node = array.addObject();
            node.put("name", operation.name());
            node.put("apiName", operation.apiName());
            node.put("methodName", operation.methodName());
            node.put("method", operation.method());
            node.put("path", operation.path());
            node.put("description", operation.description());
            parameters(node.putArray("pathParams"), operation.pathParams());
            parameters(node.putArray("queryParams"), operation.queryParams());
            node.put("bodyKey", operation.bodyKey());
            node.put("bodyType", operation.bodyType());
            node.put("list", operation.list());
            node.put("resultKey", operation.resultKey());
            node.put("host", operation.host());
            node.put("specMethod", operation.specMethod());
            node.put("specPath", operation.specPath());
            ArrayNode corrections = node.putArray("corrections");
            operation.corrections().forEach(corrections::add);
        }
        return mapper.writeValueAsString(array) + "\n";
    }

    private static void parameters(ArrayNode target, List<CatalogParameter> parameters) {
        for (CatalogParameter parameter : parameters) {
            ObjectNode node = target.addObject();
            node.put("name", parameter.name());
            node.put("option", parameter.option());
            node.put("header", parameter.header());
            node.put("type", parameter.type());
            node.put("required", parameter.required());
            node.put("description", parameter.description());
        }
    }

    private static void writeFile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
