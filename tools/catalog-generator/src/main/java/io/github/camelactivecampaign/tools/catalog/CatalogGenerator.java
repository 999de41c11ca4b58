// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.tools.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * <li>{@code camel-component/src/main/java/.../catalog/*EndpointConfiguration.java}: one {@code @ApiParams}
 * class per resource, from which camel-package-maven-plugin writes the component's {@code apis} metadata;</li>
 * <li>{@code .../ActiveCampaignConstants.java}: one header per parameter;</li>
 * <li>{@code docs/operations.md}: the operation reference.</li>
 * </ul>
 * Usage: {@code CatalogGenerator <openapi.yaml> <project root>}.
 */
public final class CatalogGenerator {

    static final String BASE_PACKAGE = "io.github.camelactivecampaign.component.activecampaign";
    static final String OPERATIONS_JSON = "camel-component/src/main/resources/META-INF/activecampaign/operations.json";

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
        write(operations, Path.of(args[1]));
        System.out.println("Catalog: " + operations.size() + " operations in "
                           + SourceWriter.byResource(operations).size() + " resources");
    }

    static List<CatalogOperation> generate(Path spec) throws IOException {
        List<SpecOperation> specOperations = SpecReader.read(spec);
        SpecCorrections.apply(specOperations);
        return CatalogBuilder.build(specOperations);
    }

    static void write(List<CatalogOperation> operations, Path root) throws IOException {
        Path component = root.resolve("camel-component/src/main/java")
                .resolve(BASE_PACKAGE.replace('.', '/'));
        Path catalog = component.resolve("catalog");
        Files.createDirectories(catalog);
        try (Stream<Path> old = Files.list(catalog)) {
            for (Path file : old.filter(f -> f.toString().endsWith("EndpointConfiguration.java")).toList()) {
                Files.delete(file);
            }
        }
        SourceWriter sources = new SourceWriter(BASE_PACKAGE);
        Map<String, List<CatalogOperation>> resources = SourceWriter.byResource(operations);
        for (Map.Entry<String, List<CatalogOperation>> resource : resources.entrySet()) {
            writeFile(catalog.resolve(SourceWriter.configurationClass(resource.getKey()) + ".java"),
                    sources.configuration(resource.getKey(), resource.getValue()));
        }
        writeFile(catalog.resolve("ActiveCampaignApis.java"), sources.registry(resources));
        writeFile(component.resolve("ActiveCampaignConstants.java"), sources.constants(operations));
        writeFile(root.resolve(OPERATIONS_JSON), json(operations));
        writeFile(root.resolve("docs/operations.md"), MarkdownWriter.reference(resources));
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
