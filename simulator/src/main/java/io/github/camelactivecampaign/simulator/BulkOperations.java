// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Operations on several records at once: bulk delete of accounts, bulk owner change of deals, bulk custom field
 * values, bulk field options, and moving every deal of a stage (or task of a type) to another.
 */
final class BulkOperations {

    private final SimulatorContext context;

    BulkOperations(SimulatorContext context) {
        this.context = context;
    }

    void register(Map<String, Function<SimulatorRequest, SimulatorResponse>> routes) {
        routes.put("accounts/bulkDelete", this::deleteAccounts);
        routes.put("deals/bulkUpdate", this::changeDealOwners);
        routes.put("accountCustomFieldData/bulkCreate", r -> createValues(r, "accountCustomFieldData"));
        routes.put("dealCustomFieldData/bulkCreate", r -> createValues(r, "dealCustomFieldData"));
        routes.put("accountCustomFieldData/bulkUpdate", r -> updateValues(r, "accountCustomFieldData"));
        routes.put("dealCustomFieldData/bulkUpdate", r -> updateValues(r, "dealCustomFieldData"));
        routes.put("fieldOptions/bulkCreate", this::createFieldOptions);
        routes.put("dealStages/moveDeals", r -> move(r, "deals", "stage", "dealStages"));
        routes.put("dealTasktypes/moveTasks", r -> move(r, "dealTasks", "dealTasktype", "dealTasktypes"));
    }

    /** DELETE /accounts/bulk_delete?ids[]=1&ids[]=2. */
    private SimulatorResponse deleteAccounts(SimulatorRequest request) {
        for (String ids : request.queryValues("ids[]")) {
            for (String id : ids.split(",")) {
                context.store().delete("accounts", id.trim());
            }
        }
        ObjectNode body = context.mapper().createObjectNode();
        body.putObject("meta").put("success", true);
        return SimulatorResponse.of(200, body);
    }

    /** PATCH /deals/bulkUpdate {"deals": [{"id": 1, "ownerId": 1}]}: which deals changed, which had that owner. */
    private SimulatorResponse changeDealOwners(SimulatorRequest request) {
        ObjectNode body = context.mapper().createObjectNode();
        ArrayNode success = body.putArray("success");
        ArrayNode unchanged = body.putArray("nochange");
        ArrayNode failed = body.putArray("failed");
        for (JsonNode change : request.json() == null ? List.<JsonNode>of() : request.json().path("deals")) {
            String id = change.path("id").asText();
            String owner = Relations.reference(change.get("ownerId"));
            if (owner == null) {
                return error422("ownerId is required for a deal '" + id + "'.");
            }
            if (context.store().get("users", owner) == null) {
                return error422("Owner(user) with id '" + owner + "' was not found for a deal '" + id + "'.");
            }
            ObjectNode deal = context.store().get("deals", id);
            if (deal == null) {
                failed.add(id);
            } else if (owner.equals(deal.path("owner").asText())) {
                unchanged.add(id);
            } else {
                context.store().update("deals", id, context.mapper().createObjectNode().put("owner", owner));
                success.add(id);
            }
        }
        return SimulatorResponse.of(200, body);
    }

    private SimulatorResponse error422(String title) {
        ObjectNode body = context.mapper().createObjectNode();
        body.putArray("errors").addObject().put("status", 422).put("title", title);
        return SimulatorResponse.of(422, body);
    }

    /** POST /accountCustomFieldData/bulkCreate [{...}, ...]. */
    private SimulatorResponse createValues(SimulatorRequest request, String collection) {
        for (JsonNode value : array(request.json())) {
            if (value.isObject()) {
                context.store().create(collection, (ObjectNode) value);
            }
        }
        return SimulatorResponse.of(200, context.errors().message("the bulk insert was successful"));
    }

    /** PATCH /accountCustomFieldData/bulkUpdate [{"id": "1", ...}, ...]. */
    private SimulatorResponse updateValues(SimulatorRequest request, String collection) {
        List<String> ids = new ArrayList<>();
        for (JsonNode value : array(request.json())) {
            String id = value.path("id").asText();
            if (value.isObject() && context.store().update(collection, id, (ObjectNode) value) != null) {
                ids.add(id);
            }
        }
        return SimulatorResponse.of(200, context.errors().message(ServiceErrors.capitalize(collection)
                + "s with ID(s): " + String.join(", ", ids) + " successfully bulk updated."));
    }

    private static Iterable<JsonNode> array(JsonNode json) {
        if (json != null && json.isObject() && json.size() == 1 && json.elements().next().isArray()) {
            return json.elements().next();
        }
        return json != null && json.isArray() ? json : List.of();
    }

    /** POST /fieldOption/bulk {"fieldOptions": [...]}. */
    private SimulatorResponse createFieldOptions(SimulatorRequest request) {
        List<ObjectNode> created = new ArrayList<>();
        for (JsonNode option : array(request.json())) {
            if (option.isObject()) {
                created.add(context.store().create("fieldOptions", (ObjectNode) option));
            }
        }
        return answer(request, "fieldOptions", created, 201);
    }

    /** PUT /dealStages/{id}/deals {"deal": {"stage": 2}}: every deal of stage id moves to stage 2. */
    private SimulatorResponse move(SimulatorRequest request, String collection, String field, String parent) {
        String from = request.pathParam(0);
        if (context.store().get(parent, from) == null) {
            return context.errors().notFound(parent, from);
        }
        ObjectNode change = WriteRules.envelope(request.operation(), request.json());
        String to = change == null ? null : Relations.reference(change.get(field));
        if (to == null || context.store().get(parent, to) == null) {
            return context.errors().unprocessable(context.errors().error("Invalid attribute", "field_invalid",
                    "/data/attributes/" + field));
        }
        List<ObjectNode> moved = new ArrayList<>();
        for (ObjectNode record : context.store().referencing(collection, field, from)) {
            moved.add(record);
        }
        for (ObjectNode record : moved) {
            context.store().update(collection, record.path("id").asText(),
                    context.mapper().createObjectNode().put(field, to));
        }
        return answer(request, collection, moved, 200);
    }

    private SimulatorResponse answer(SimulatorRequest request, String collection, List<ObjectNode> records,
                                     int status) {
        ListQuery.Page page = new ListQuery.Page(records, records.size(), records.size(), 0, records);
        SimulatorResponse shaped = context.shaper().list(request, collection, page, false);
        return SimulatorResponse.of(context.shaper().status(request.operation(), status), shaped.body());
    }
}
