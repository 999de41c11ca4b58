// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operation catalog, read once from {@code META-INF/activecampaign/operations.json} (written by
 * tools/catalog-generator).
 */
public final class ActiveCampaignCatalog {

    public static final String RESOURCE = "META-INF/activecampaign/operations.json";

    private static final class Holder {
        static final ActiveCampaignCatalog INSTANCE = load();
    }

    private final Map<String, ActiveCampaignOperation> operations;

    private ActiveCampaignCatalog(Map<String, ActiveCampaignOperation> operations) {
        this.operations = operations;
    }

    public static ActiveCampaignCatalog getInstance() {
        return Holder.INSTANCE;
    }

    public Collection<ActiveCampaignOperation> operations() {
        return operations.values();
    }

    public Optional<ActiveCampaignOperation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** The operation names closest to a misspelled one, best first. */
    public List<String> suggestions(String name, int max) {
        return operations.keySet().stream()
                .sorted(Comparator.comparingInt((String candidate) -> distance(name.toLowerCase(), candidate.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(max)
                .toList();
    }

    /** The operations of one resource. */
    public List<ActiveCampaignOperation> resource(String apiName) {
        return operations.values().stream().filter(o -> o.apiName().equals(apiName)).toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static ActiveCampaignCatalog load() {
        try (InputStream in = ActiveCampaignCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, ActiveCampaignOperation> operations = new LinkedHashMap<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                ActiveCampaignOperation operation = new ActiveCampaignOperation(
                        node.path("name").asText(), node.path("apiName").asText(), node.path("methodName").asText(),
                        node.path("method").asText(), node.path("path").asText(), node.path("description").asText(),
                        parameters(node.path("pathParams")), parameters(node.path("queryParams")),
                        text(node, "bodyKey"), text(node, "bodyType"), node.path("list").asBoolean(),
                        text(node, "resultKey"), node.path("host").asText("api"));
                operations.put(operation.name(), operation);
            }
            return new ActiveCampaignCatalog(operations);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static List<ActiveCampaignParameter> parameters(JsonNode array) {
        List<ActiveCampaignParameter> parameters = new ArrayList<>();
        for (JsonNode p : array) {
            parameters.add(new ActiveCampaignParameter(p.path("name").asText(), p.path("option").asText(),
                    p.path("header").asText(), p.path("type").asText("string"), p.path("required").asBoolean()));
        }
        return List.copyOf(parameters);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
