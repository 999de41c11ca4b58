// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves each catalog operation. Operations with rules of their own (contact sync, bulk import, custom objects,
 * account settings, ...) have a handler by name; the others are served by their shape: POST on a collection
 * creates, GET lists or reads, PUT updates, DELETE deletes, {@code /contacts/{id}/deals} lists a contact's deals.
 */
final class Router {

    private final SimulatorContext context;
    private final RecordHandlers records;
    private final AccountOperations account;
    private final Map<String, Function<SimulatorRequest, SimulatorResponse>> routes = new HashMap<>();
    private final WebhookDispatcher webhooks;

    Router(SimulatorContext context, WebhookDispatcher webhooks, BulkImportQueue imports) {
        this.context = context;
        this.webhooks = webhooks;
        this.records = new RecordHandlers(context);
        this.account = new AccountOperations(context);
        account.register(routes);
        new ContactOperations(context, records).register(routes);
        imports.register(routes);
        new BulkOperations(context).register(routes);
        new CustomObjectOperations(context, records).register(routes);
        routes.put("activities/list", r -> context.shaper().list(r, ActivityStream.ACTIVITIES,
                context.activities().list(r, context.query()), true));
        routes.put("eventTrackingEvents/delete", r -> deleteByName(r, "eventTrackingEvents"));
        routes.put("siteTrackingDomains/delete", r -> deleteByName(r, "siteTrackingDomains"));
        account.seedAdmin();
    }

    /** Forgets the account's settings and gives it back its admin (the store is cleared by the caller). */
    void reset() {
        account.reset();
        account.seedAdmin();
    }

    /** Serves a request; the webhooks get the events it caused. */
    SimulatorResponse route(SimulatorRequest request) {
        SimulatorResponse refused = webhooks.refuse(request);
        return refused != null ? refused : webhooks.observe(request, () -> serve(request));
    }

    private SimulatorResponse serve(SimulatorRequest request) {
        Function<SimulatorRequest, SimulatorResponse> special = routes.get(request.operation().name());
        if (special != null) {
            return special.apply(request);
        }
        SimulatorOperation operation = request.operation();
        String collection = context.catalog().collection(operation);
        String method = operation.method();
        if (operation.subResource()) {
            return switch (method) {
                case "GET" -> records.children(request);
                case "POST" -> records.createChild(request);
                default -> records.child(request);
            };
        }
        if (operation.paramCount() == 0) {
            if ("POST".equals(method) && operation.methodName().startsWith("create")) {
                return records.create(request, collection);
            }
            if ("GET".equals(method) && operation.list()) {
                return records.list(request, collection);
            }
        }
        if (operation.itemPath()) {
            String id = request.pathParam(operation.paramCount() - 1);
            List<String> literals = operation.literals();
            if ("GET".equals(method) && operation.paramCount() == 1 && literals.size() == 2
                && literals.get(0).equals(collection)) {
                // GET /users/email/{email}: found by the field the path names
                return records.lookup(request, collection, literals.get(1), id);
            }
            return switch (method) {
                case "GET" -> records.read(request, collection, id);
                case "PUT", "PATCH" -> records.update(request, collection, id);
                case "DELETE" -> records.delete(request, collection, id);
                default -> unmodelled(request);
            };
        }
        return unmodelled(request);
    }

    /** DELETE /eventTrackingEvents/{eventName}: these records are known by their name. */
    private SimulatorResponse deleteByName(SimulatorRequest request, String collection) {
        ObjectNode record = context.store().findBy(collection, "name", request.pathParam(0));
        if (record == null) {
            return context.errors().notFound(collection, request.pathParam(0));
        }
        return records.delete(request, collection, record.path("id").asText());
    }

    /** An operation the simulator has no rule for: accepted, nothing stored, an empty result. */
    private SimulatorResponse unmodelled(SimulatorRequest request) {
        SimulatorOperation operation = request.operation();
        ObjectNode body = context.mapper().createObjectNode();
        if (operation.resultKey() != null) {
            if (operation.list()) {
                body.putArray(operation.resultKey());
            } else {
                body.putObject(operation.resultKey());
            }
        }
        return SimulatorResponse.of(context.shaper().status(operation, 200), body);
    }
}
