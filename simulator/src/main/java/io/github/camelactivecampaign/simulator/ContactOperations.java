// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Contact operations with their own rules: sync (update by email or create), list membership (one per contact and
 * list, re-subscribing updates it), tags (a contact has a tag once), and the automations a contact entered.
 */
final class ContactOperations {

    private final SimulatorContext context;
    private final RecordHandlers records;

    ContactOperations(SimulatorContext context, RecordHandlers records) {
        this.context = context;
        this.records = records;
    }

    void register(Map<String, Function<SimulatorRequest, SimulatorResponse>> routes) {
        routes.put("contacts/sync", this::sync);
        routes.put("contactLists/create", this::subscribe);
        routes.put("contactTags/create", this::tag);
        routes.put("contacts/automationEntryCounts", this::automationEntryCounts);
    }

    /** POST /contact/sync: updates the contact with that email (200) or creates it. */
    private SimulatorResponse sync(SimulatorRequest request) {
        ObjectNode fields = WriteRules.envelope(request.operation(), request.json());
        if (fields == null) {
            return context.rules().noEnvelope(request.operation());
        }
        if (!fields.hasNonNull("email") || !fields.get("email").asText().contains("@")) {
            return context.errors().unprocessable(context.errors().error("Contact Email Address is not valid.",
                    "email_invalid", "/data/attributes/email"));
        }
        ObjectNode existing = context.store().findBy("contacts", "email", fields.get("email").asText());
        if (existing == null) {
            return records.create(request, "contacts", fields);
        }
        String id = existing.path("id").asText();
        SimulatorResponse refused = context.rules().relations("contacts", fields);
        if (refused != null) {
            return refused;
        }
        Map<NestedRecords.Nesting, JsonNode> nested = NestedRecords.extract("contacts", fields);
        ObjectNode updated = context.store().update("contacts", id, fields);
        context.activities().record("contacts", updated, "update");
        context.nested().store(id, nested);
        // the reference's 201 is the sync that creates; one that updates answers 200
        return SimulatorResponse.of(200, context.shaper().single(request, "contacts", updated, 200).body());
    }

    /** POST /contactLists: the contact's membership of the list, created or its status changed. */
    private SimulatorResponse subscribe(SimulatorRequest request) {
        ObjectNode fields = WriteRules.envelope(request.operation(), request.json());
        if (fields == null) {
            return context.rules().noEnvelope(request.operation());
        }
        ObjectNode existing = membership("contactLists", "list", fields);
        if (existing == null) {
            return records.create(request, "contactLists", fields);
        }
        SimulatorResponse refused = context.rules().relations("contactLists", fields);
        if (refused != null) {
            return refused;
        }
        ObjectNode updated = context.store().update("contactLists", existing.path("id").asText(), fields);
        context.activities().record("contactLists", updated, "update");
        return context.shaper().single(request, "contactLists", updated, 200);
    }

    /** POST /contactTags: a tag the contact already has answers the existing relation. */
    private SimulatorResponse tag(SimulatorRequest request) {
        ObjectNode fields = WriteRules.envelope(request.operation(), request.json());
        if (fields == null) {
            return context.rules().noEnvelope(request.operation());
        }
        ObjectNode existing = membership("contactTags", "tag", fields);
        return existing == null ? records.create(request, "contactTags", fields)
                : context.shaper().single(request, "contactTags", existing, 201);
    }

    private ObjectNode membership(String collection, String field, ObjectNode fields) {
        String contact = Relations.reference(fields.get("contact"));
        String target = Relations.reference(fields.get(field));
        if (contact == null || target == null) {
            return null;
        }
        for (ObjectNode relation : context.store().referencing(collection, "contact", contact)) {
            if (target.equals(relation.path(field).asText())) {
                return relation;
            }
        }
        return null;
    }

    /** GET /contacts/{id}/automationEntryCounts: per automation the contact entered, how many times. */
    private SimulatorResponse automationEntryCounts(SimulatorRequest request) {
        String id = request.pathParam(0);
        if (context.store().get("contacts", id) == null) {
            return context.errors().notFound("contacts", id);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ObjectNode entry : context.store().referencing("contactAutomations", "contact", id)) {
            counts.merge(entry.path("seriesid").asText(entry.path("automation").asText()), 1, Integer::sum);
        }
        List<ObjectNode> rows = counts.entrySet().stream().map(e -> {
            ObjectNode stored = context.store().get("automations", e.getKey());
            ObjectNode row = context.mapper().createObjectNode().put("id", e.getKey());
            if (stored != null) {
                ObjectNode automation = context.shaper().record("automations", stored, Map.of());
                row.set("name", automation.path("name"));
                row.set("status", automation.path("status"));
                row.set("hidden", automation.path("hidden"));
            }
            return row.put("contactEntryCount", String.valueOf(e.getValue()));
        }).toList();
        ListQuery.Page page = new ListQuery.Page(rows, rows.size(), rows.size(), 0, rows);
        return context.shaper().list(request, "automationEntryCounts", page, false);
    }
}
