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
 * Custom objects: schemas (public ones, child schemas, removing a field) and their records, which live under
 * their schema and are upserted by {@code externalId}.
 */
final class CustomObjectOperations {

    static final String SCHEMAS = "schemas";
    static final String RECORDS = "records";

    private final SimulatorContext context;
    private final RecordHandlers records;

    CustomObjectOperations(SimulatorContext context, RecordHandlers records) {
        this.context = context;
        this.records = records;
    }

    void register(Map<String, Function<SimulatorRequest, SimulatorResponse>> routes) {
        routes.put("customObjectSchemas/createPublic", r -> createSchema(r, null, "public"));
        routes.put("customObjectSchemas/createChild", r -> createSchema(r, r.pathParam(0), null));
        routes.put("customObjectSchemas/deleteField", this::deleteField);
        routes.put("customObjectRecords/list", this::list);
        routes.put("customObjectRecords/createOrUpdate", this::upsert);
        routes.put("customObjectRecords/get", r -> withRecord(r, r.pathParam(1), false));
        routes.put("customObjectRecords/delete", r -> withRecord(r, r.pathParam(1), true));
        routes.put("customObjectRecords/getByExternalId", r -> withExternal(r, false));
        routes.put("customObjectRecords/deleteByExternalId", r -> withExternal(r, true));
    }

    private SimulatorResponse createSchema(SimulatorRequest request, String parentId, String visibility) {
        ObjectNode fields = WriteRules.envelope(request.operation(), request.json());
        if (parentId != null && context.store().get(SCHEMAS, parentId) == null) {
            return context.errors().notFound(SCHEMAS, parentId);
        }
        ObjectNode schema = fields != null ? fields : context.mapper().createObjectNode();
        if (parentId != null) {
            schema.put("parentId", parentId);
        }
        if (visibility != null) {
            schema.put("visibility", visibility);
        }
        return records.create(request, SCHEMAS, schema);
    }

    /** DELETE /customObjects/schemas/{id}/fields/{fieldId}: 202 with the schema without that field. */
    private SimulatorResponse deleteField(SimulatorRequest request) {
        ObjectNode schema = context.store().get(SCHEMAS, request.pathParam(0));
        if (schema == null) {
            return context.errors().notFound(SCHEMAS, request.pathParam(0));
        }
        ArrayNode kept = context.mapper().createArrayNode();
        for (JsonNode field : schema.path("fields")) {
            if (!request.pathParam(1).equals(field.path("id").asText())) {
                kept.add(field);
            }
        }
        ObjectNode change = context.mapper().createObjectNode();
        change.set("fields", kept);
        ObjectNode updated = context.store().update(SCHEMAS, schema.path("id").asText(), change);
        return context.shaper().single(request, SCHEMAS, updated, 202);
    }

    private SimulatorResponse list(SimulatorRequest request) {
        String schemaId = request.pathParam(0);
        if (context.store().get(SCHEMAS, schemaId) == null) {
            return context.errors().notFound(SCHEMAS, schemaId);
        }
        List<ObjectNode> found = context.store().referencing(RECORDS, "schemaId", schemaId);
        return context.shaper().list(request, RECORDS, context.query().page(found, request), true);
    }

    /** POST /customObjects/records/{schemaId}: the record with that externalId is updated, else created. */
    private SimulatorResponse upsert(SimulatorRequest request) {
        String schemaId = request.pathParam(0);
        if (context.store().get(SCHEMAS, schemaId) == null) {
            return context.errors().notFound(SCHEMAS, schemaId);
        }
        ObjectNode fields = WriteRules.envelope(request.operation(), request.json());
        if (fields == null) {
            return context.rules().noEnvelope(request.operation());
        }
        fields.put("schemaId", schemaId);
        ObjectNode existing = external(schemaId, fields.path("externalId").asText(null));
        if (existing == null) {
            return records.create(request, RECORDS, fields);
        }
        ObjectNode updated = context.store().update(RECORDS, existing.path("id").asText(), fields);
        return context.shaper().single(request, RECORDS, updated, 200);
    }

    private ObjectNode external(String schemaId, String externalId) {
        if (externalId == null) {
            return null;
        }
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode record : context.store().referencing(RECORDS, "schemaId", schemaId)) {
            if (externalId.equals(record.path("externalId").asText())) {
                matches.add(record);
            }
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    private SimulatorResponse withRecord(SimulatorRequest request, String id, boolean delete) {
        ObjectNode record = context.store().get(RECORDS, id);
        if (record == null || !request.pathParam(0).equals(record.path("schemaId").asText())) {
            return context.errors().notFound(RECORDS, id);
        }
        return delete ? deleted(request, id) : context.shaper().single(request, RECORDS, record, 200);
    }

    private SimulatorResponse withExternal(SimulatorRequest request, boolean delete) {
        ObjectNode record = external(request.pathParam(0), request.pathParam(1));
        if (record == null) {
            return context.errors().notFound(RECORDS, request.pathParam(1));
        }
        return delete ? deleted(request, record.path("id").asText())
                : context.shaper().single(request, RECORDS, record, 200);
    }

    /** Deleting a record answers 202 without a body, as the reference documents. */
    private SimulatorResponse deleted(SimulatorRequest request, String id) {
        context.store().delete(RECORDS, id);
        return SimulatorResponse.of(202, null);
    }
}
