// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drives the simulator through one operation the way a client would: it seeds what the operation needs (the record
 * its path names, the records its request refers to, related records for its companion arrays), sends the
 * reference's request example (or the fields a create needs) and returns the answer.
 */
final class ContractDriver {

    /** What was sent and answered. */
    record Exchange(String request, int status, JsonNode body) {
    }

    /** The record an answer is about, whose companion arrays the seeder fills. */
    private record Primary(String collection, String id) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActiveCampaignSimulator simulator;
    private final SimulatorCatalog catalog;
    private final Map<String, ObjectNode> samples;
    private final SimulatorHttp http;

    ContractDriver(ActiveCampaignSimulator simulator, SimulatorCatalog catalog, Map<String, ObjectNode> samples) {
        this.simulator = simulator;
        this.catalog = catalog;
        this.samples = samples;
        this.http = new SimulatorHttp(simulator);
    }

    Exchange run(ReferenceExample example) throws Exception {
        simulator.reset();
        if ("eventTracking/track".equals(example.operation())) {
            String form = "actid=" + simulator.trackingAccountId() + "&key=" + simulator.trackingKey()
                          + "&event=signed-up&visit=" + encode("{\"email\":\"ada@example.com\"}");
            SimulatorHttp.Reply reply = http.postForm(simulator.trackingUrl(), form);
            return new Exchange("POST /event", reply.status(), reply.json());
        }
        SimulatorOperation operation = catalog.operation(example.operation());
        ContractSeeder seeder = new ContractSeeder(simulator, catalog, samples);
        String collection = catalog.collection(operation);
        JsonNode body = requestBody(operation, example, collection);
        ObjectNode fields = WriteRules.envelope(operation, body);
        if (fields != null && !"DELETE".equals(operation.method())) {
            seeder.ensureReferences(collection, fields);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Primary primary = prepare(operation, collection, seeder, params, query, body);
        if (primary != null && primary.id() != null) {
            for (String companion : companions(operation, example.example())) {
                seeder.relate(primary.collection(), primary.id(), companion);
            }
        }
        String path = path(operation, params, query);
        SimulatorHttp.Reply reply = http.send(operation.method(), path,
                body == null || "GET".equals(operation.method()) || "DELETE".equals(operation.method()) ? null
                        : body.toString());
        return new Exchange(operation.method() + " " + path, reply.status(), reply.json());
    }

    /**
     * Seeds the records the operation's path and query name; returns the record the answer is about (whose
     * companions must be seeded), or null.
     */
    private Primary prepare(SimulatorOperation operation, String collection, ContractSeeder seeder,
                           Map<String, String> params, Map<String, String> query, JsonNode body) throws Exception {
        List<String> names = operation.pathParams();
        switch (operation.name()) {
            case "import/info", "import/bulkImportStatus" -> {
                SimulatorHttp.Reply imported = http.post("/import/bulk_import", "{\"contacts\":[{\"email\":"
                                                                                + "\"ada@example.com\"}]}");
                query.put("batchId", imported.json().path("batchId").asText());
                return null;
            }
            case "accounts/bulkDelete" -> {
                query.put("ids[]", seeder.create("accounts"));
                return null;
            }
            case "templates/share" -> {
                query.put("id", seeder.create("templates"));
                return null;
            }
            case "eventTrackingEvents/delete", "siteTrackingDomains/delete" -> {
                seeder.create(collection, JSON.createObjectNode().put("name", "contract-" + collection));
                params.put(names.get(0), "contract-" + collection);
                return null;
            }
            case "deals/bulkUpdate", "accountCustomFieldData/bulkUpdate", "dealCustomFieldData/bulkUpdate" -> {
                for (JsonNode record : body.isArray() ? body : body.path("deals")) {
                    seeder.ensure("deals/bulkUpdate".equals(operation.name()) ? "deals" : collection,
                            record.path("id").asText());
                }
                return null;
            }
            case "dealStages/moveDeals", "dealTasktypes/moveTasks" -> {
                collection = catalog.parentCollection(operation);
                String from = seeder.create(collection);
                String moved = "dealStages".equals(collection) ? "deals" : "dealTasks";
                String field = "dealStages".equals(collection) ? "stage" : "dealTasktype";
                seeder.ensure(collection, WriteRules.envelope(operation, body).path(field).asText());
                String child = seeder.create(moved, JSON.createObjectNode().put(field, from));
                params.put(names.get(0), from);
                return new Primary(moved, child);
            }
            case "customObjectSchemas/deleteField" -> {
                ObjectNode schema = JSON.createObjectNode();
                schema.putArray("fields").addObject().put("id", "contract-field").put("type", "text");
                params.put(names.get(0), seeder.create("schemas", schema));
                params.put(names.get(1), "contract-field");
                return null;
            }
            case "contacts/automationEntryCounts" -> {
                String contact = seeder.create("contacts");
                seeder.create("contactAutomations", JSON.createObjectNode().put("contact", contact)
                        .put("seriesid", seeder.create("automations")));
                params.put(names.get(0), contact);
                return null;
            }
            default -> {
                return generic(operation, collection, seeder, params);
            }
        }
    }

    private Primary generic(SimulatorOperation operation, String collection, ContractSeeder seeder,
                           Map<String, String> params) {
        List<String> names = operation.pathParams();
        if (operation.path().startsWith("/customObjects/records/")) {
            String schema = seeder.create("schemas");
            params.put(names.get(0), schema);
            String record = seeder.create("records", JSON.createObjectNode().put("schemaId", schema)
                    .put("externalId", "contract-external"));
            if (names.size() > 1) {
                params.put(names.get(1), operation.path().contains("/external/") ? "contract-external" : record);
            }
            return "GET".equals(operation.method()) ? new Primary("records", record) : null;
        }
        if (operation.subResource()) {
            String parentCollection = catalog.parentCollection(operation);
            String parent = seeder.create(parentCollection);
            params.put(names.get(0), parent);
            if ("GET".equals(operation.method())) {
                return new Primary(collection, seeder.relate(parentCollection, parent, collection));
            }
            if (names.size() > 1) {
                params.put(names.get(1), seeder.create(collection, JSON.createObjectNode().put("relid", parent)
                        .put("reltype", Relations.reltype(parentCollection))));
            }
            return null;
        }
        if (operation.itemPath()) {
            String id = seeder.create(collection);
            List<String> literals = operation.literals();
            boolean lookup = operation.paramCount() == 1 && literals.size() == 2 && literals.get(0).equals(collection);
            params.put(names.get(names.size() - 1), lookup ? seeder.record(collection, id).path(literals.get(1))
                    .asText() : id);
            return "DELETE".equals(operation.method()) ? null : new Primary(collection, id);
        }
        if ("GET".equals(operation.method()) && operation.list()) {
            return new Primary(collection, seeder.create(collection));
        }
        return null;
    }

    private JsonNode requestBody(SimulatorOperation operation, ReferenceExample example, String collection) {
        if (example.requestExample() != null) {
            return example.requestExample().deepCopy();
        }
        if ("GET".equals(operation.method()) || "DELETE".equals(operation.method())) {
            return null;
        }
        ObjectNode record = samples.containsKey(collection) ? samples.get(collection).deepCopy()
                : JSON.createObjectNode();
        for (String field : WriteRules.REQUIRED.getOrDefault(collection, List.of())) {
            if (!record.hasNonNull(field)) {
                record.put(field, "contract " + field);
            }
        }
        if ("contacts".equals(collection)) {
            record.put("email", "contract@example.com");
        }
        String key = operation.bodyKey() != null ? operation.bodyKey() : operation.resultKey();
        ObjectNode body = JSON.createObjectNode();
        body.set(key == null ? SimulatorCatalog.singular(collection) : key, record);
        return body;
    }

    /** The companion arrays the example fills. */
    private static List<String> companions(SimulatorOperation operation, JsonNode example) {
        List<String> names = new ArrayList<>();
        example.fields().forEachRemaining(e -> {
            if (!"meta".equals(e.getKey()) && !e.getKey().equals(operation.resultKey()) && e.getValue().isArray()
                && !e.getValue().isEmpty()) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    private static String path(SimulatorOperation operation, Map<String, String> params, Map<String, String> query) {
        String path = operation.path();
        for (Map.Entry<String, String> param : params.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", encode(param.getValue()));
        }
        if (!query.isEmpty()) {
            StringBuilder text = new StringBuilder();
            query.forEach((name, value) -> text.append(text.length() == 0 ? "?" : "&").append(encode(name))
                    .append('=').append(encode(value)));
            path += text;
        }
        return path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
