// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations every resource has: create, read, update, delete and list a collection, and the records that
 * belong to another one ({@code GET /contacts/{id}/deals}, {@code POST /deals/{id}/notes},
 * {@code PUT /deals/{id}/notes/{noteId}}).
 */
final class RecordHandlers {

    /** Deletes the service answers with a message rather than {@code {}}. */
    private static final Set<String> DELETE_MESSAGES = Set.of("accountCustomFieldMeta", "accountCustomFieldData",
            "dealCustomFieldMeta", "dealCustomFieldData");

    private final SimulatorContext context;

    RecordHandlers(SimulatorContext context) {
        this.context = context;
    }

    SimulatorResponse create(SimulatorRequest request, String collection) {
        ObjectNode fields = WriteRules.envelope(request.operation(), request.json());
        return fields == null ? context.rules().noEnvelope(request.operation()) : create(request, collection, fields);
    }

    /** Checks and stores a record, appends its activity and answers it in the operation's envelope. */
    SimulatorResponse create(SimulatorRequest request, String collection, ObjectNode fields) {
        SimulatorResponse refused = context.rules().check(collection, fields, null);
        if (refused != null) {
            return refused;
        }
        Map<NestedRecords.Nesting, JsonNode> nested = NestedRecords.extract(collection, fields);
        ObjectNode record = context.store().create(collection, fields);
        NestedRecords.nameFieldEntries(collection, record);
        context.activities().record(collection, record, "create");
        context.nested().store(record.path("id").asText(), nested);
        return context.shaper().single(request, collection, record, 201);
    }

    SimulatorResponse read(SimulatorRequest request, String collection, String id) {
        ObjectNode record = context.store().get(collection, id);
        return record == null ? context.errors().notFound(collection, id)
                : context.shaper().single(request, collection, record, 200);
    }

    /** A record found by another field: {@code GET /users/email/{email}}. */
    SimulatorResponse lookup(SimulatorRequest request, String collection, String field, String value) {
        ObjectNode record = context.store().findBy(collection, field, value);
        return record == null ? context.errors().notFound(collection, value)
                : context.shaper().single(request, collection, record, 200);
    }

    SimulatorResponse update(SimulatorRequest request, String collection, String id) {
        ObjectNode fields = WriteRules.envelope(request.operation(), request.json());
        if (fields == null) {
            return context.rules().noEnvelope(request.operation());
        }
        if (context.store().get(collection, id) == null) {
            return context.errors().notFound(collection, id);
        }
        SimulatorResponse refused = context.rules().check(collection, fields, id);
        if (refused != null) {
            return refused;
        }
        Map<NestedRecords.Nesting, JsonNode> nested = NestedRecords.extract(collection, fields);
        ObjectNode record = context.store().update(collection, id, fields);
        NestedRecords.nameFieldEntries(collection, record);
        context.activities().record(collection, record, "update");
        context.nested().store(id, nested);
        return context.shaper().single(request, collection, record, 200);
    }

    SimulatorResponse delete(SimulatorRequest request, String collection, String id) {
        if (!context.store().delete(collection, id)) {
            return context.errors().notFound(collection, id);
        }
        if (DELETE_MESSAGES.contains(collection)) {
            return SimulatorResponse.of(context.shaper().status(request.operation(), 200),
                    context.errors().message(ServiceErrors.capitalize(collection) + " deleted."));
        }
        return SimulatorResponse.of(context.shaper().status(request.operation(), 200),
                context.mapper().createObjectNode());
    }

    SimulatorResponse list(SimulatorRequest request, String collection) {
        ListQuery.Page page = context.query().run(collection, context.model().resource(collection), request);
        return context.shaper().list(request, collection, page, true);
    }

    /**
     * {@code GET /contacts/{id}/<relation>}: the relation's records of that contact (all of them, or a page when
     * limit or offset is given), or for a single relation ({@code organization}) the one record; 404 when the
     * contact does not exist.
     */
    SimulatorResponse children(SimulatorRequest request) {
        SimulatorOperation operation = request.operation();
        String parentCollection = context.catalog().parentCollection(operation);
        String parentId = request.pathParam(0);
        ObjectNode parent = context.store().get(parentCollection, parentId);
        if (parent == null) {
            return context.errors().notFound(parentCollection, parentId);
        }
        String collection = context.catalog().collection(operation);
        List<ObjectNode> related = context.sideloads().related(parentCollection, parent, collection);
        if (operation.list() || collection.equals(operation.resultKey())) {
            boolean paged = request.query("limit") != null || request.query("offset") != null;
            ListQuery.Page page = paged ? context.query().page(related, request)
                    : new ListQuery.Page(related, related.size(), related.size(), 0, related);
            return context.shaper().list(request, collection, page, false);
        }
        if (related.isEmpty()) {
            ObjectNode body = context.mapper().createObjectNode();
            body.putNull(operation.resultKey() != null ? operation.resultKey() : SimulatorCatalog.singular(collection));
            return SimulatorResponse.of(200, body);
        }
        return context.shaper().single(request, collection, related.get(0), 200);
    }

    /** {@code POST /deals/{id}/notes}: a record belonging to the parent ({@code relid}, {@code reltype}). */
    SimulatorResponse createChild(SimulatorRequest request) {
        SimulatorOperation operation = request.operation();
        String parentCollection = context.catalog().parentCollection(operation);
        String parentId = request.pathParam(0);
        if (context.store().get(parentCollection, parentId) == null) {
            return context.errors().notFound(parentCollection, parentId);
        }
        ObjectNode fields = WriteRules.envelope(operation, request.json());
        if (fields == null) {
            return context.rules().noEnvelope(operation);
        }
        fields.put("relid", parentId);
        fields.put("reltype", Relations.reltype(parentCollection));
        return create(request, context.catalog().collection(operation), fields);
    }

    /** {@code PUT} or {@code DELETE /deals/{id}/notes/{noteId}}. */
    SimulatorResponse child(SimulatorRequest request) {
        SimulatorOperation operation = request.operation();
        String parentCollection = context.catalog().parentCollection(operation);
        if (context.store().get(parentCollection, request.pathParam(0)) == null) {
            return context.errors().notFound(parentCollection, request.pathParam(0));
        }
        String collection = context.catalog().collection(operation);
        String id = request.pathParam(operation.paramCount() - 1);
        return "DELETE".equals(operation.method()) ? delete(request, collection, id)
                : update(request, collection, id);
    }
}
