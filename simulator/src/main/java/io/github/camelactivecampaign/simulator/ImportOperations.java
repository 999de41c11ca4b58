// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /import/bulk_import}: at most 250 contacts and 400,000 bytes a call; a payload with an invalid
 * contact is refused whole (400, nothing queued), as the reference shows. Contacts are upserted by email (an index,
 * not a scan) with their tags and list subscriptions; the batch is complete at once, for {@code GET /import/info}
 * and {@code GET /import/bulk_import}.
 */
final class ImportOperations {

    static final int MAX_CONTACTS = 250;
    static final int MAX_BYTES = 400_000;
    static final String BATCHES = "importBatches";
    private static final String REFUSED = "JSON payload did not pass validation. Please fix failure Reasons and "
                                          + "retry. The import was not queued for processing.";

    private final SimulatorContext context;

    ImportOperations(SimulatorContext context) {
        this.context = context;
    }

    void register(Map<String, Function<SimulatorRequest, SimulatorResponse>> routes) {
        routes.put("import/bulkImport", this::bulkImport);
        routes.put("import/info", this::info);
        routes.put("import/bulkImportStatus", this::status);
    }

    private SimulatorResponse bulkImport(SimulatorRequest request) {
        JsonNode contacts = request.json() == null ? null : request.json().get("contacts");
        ArrayNode reasons = context.mapper().createArrayNode();
        if (contacts == null || !contacts.isArray() || contacts.isEmpty()) {
            reasons.add("contacts must be a non-empty array");
        } else if (contacts.size() > MAX_CONTACTS) {
            reasons.add("A bulk import takes at most " + MAX_CONTACTS + " contacts, got " + contacts.size());
        } else if (request.bodyBytes() >= MAX_BYTES) {
            reasons.add("The payload must be under " + MAX_BYTES + " bytes, got " + request.bodyBytes());
        } else {
            for (int i = 0; i < contacts.size(); i++) {
                if (!contacts.get(i).path("email").asText("").matches("[^@\\s]+@[^@\\s]+")) {
                    reasons.addObject().put("contact", i).put("failureReason", "Field 'email' incorrect format");
                }
            }
        }
        if (!reasons.isEmpty()) {
            ObjectNode refused = context.mapper().createObjectNode().put("success", 0).put("message", REFUSED);
            refused.set("failureReasons", reasons);
            return SimulatorResponse.of(400, refused);
        }
        ArrayNode imported = context.mapper().createArrayNode();
        for (JsonNode contact : contacts) {
            imported.add(upsert(contact));
        }
        String batchId = UUID.randomUUID().toString();
        ObjectNode batch = context.mapper().createObjectNode().put("id", batchId).put("status", "completed")
                .put("forDate", Dates.format(context.clock().now(), Dates.Style.DAY, context.clock().zone()));
        batch.set("success", imported);
        batch.putArray("failure");
        context.store().create(BATCHES, batch);
        return SimulatorResponse.of(200, context.mapper().createObjectNode().put("Success", 1)
                .put("queued_contacts", contacts.size()).put("batchId", batchId)
                .put("message", "Contact import queued"));
    }

    /** Creates or updates the contact with that email, with its tags and subscriptions; its id. */
    private String upsert(JsonNode contact) {
        ObjectNode fields = context.mapper().createObjectNode().put("email", contact.path("email").asText());
        copy(contact, "first_name", fields, "firstName");
        copy(contact, "last_name", fields, "lastName");
        copy(contact, "phone", fields, "phone");
        ObjectNode existing = context.store().findBy("contacts", "email", fields.get("email").asText());
        ObjectNode stored = existing == null ? context.store().create("contacts", fields)
                : context.store().update("contacts", existing.path("id").asText(), fields);
        context.activities().record("contacts", stored, existing == null ? "create" : "update");
        String id = stored.path("id").asText();
        for (JsonNode tag : contact.path("tags")) {
            ObjectNode known = context.store().findBy("tags", "tag", tag.asText());
            String tagId = known != null ? known.path("id").asText() : context.store().create("tags",
                    context.mapper().createObjectNode().put("tag", tag.asText()).put("tagType", "contact"))
                    .path("id").asText();
            if (context.store().referencing("contactTags", "contact", id).stream()
                    .noneMatch(t -> tagId.equals(t.path("tag").asText()))) {
                context.store().create("contactTags", context.mapper().createObjectNode().put("contact", id)
                        .put("tag", tagId));
            }
        }
        subscribe(id, contact.path("subscribe"), "1");
        subscribe(id, contact.path("unsubscribe"), "2");
        return id;
    }

    private void subscribe(String contact, JsonNode lists, String status) {
        for (JsonNode list : lists) {
            String listId = list.path("listid").asText();
            if (context.store().get("lists", listId) == null) {
                continue;
            }
            ObjectNode membership = context.store().referencing("contactLists", "contact", contact).stream()
                    .filter(m -> listId.equals(m.path("list").asText())).findFirst().orElse(null);
            ObjectNode fields = context.mapper().createObjectNode().put("contact", contact).put("list", listId)
                    .put("status", status);
            if (membership == null) {
                context.store().create("contactLists", fields);
            } else {
                context.store().update("contactLists", membership.path("id").asText(), fields);
            }
        }
    }

    private static void copy(JsonNode from, String name, ObjectNode to, String as) {
        if (from.hasNonNull(name)) {
            to.put(as, from.get(name).asText());
        }
    }

    /** GET /import/info?batchId=: the batch's status, imported contact ids and failed emails. */
    private SimulatorResponse info(SimulatorRequest request) {
        String batchId = request.query("batchId");
        if (batchId == null || batchId.isBlank()) {
            return SimulatorResponse.of(400, context.mapper().createObjectNode().put("success", 0)
                    .put("message", "'batchId' is a required field."));
        }
        ObjectNode batch = context.store().get(BATCHES, batchId);
        if (batch == null) {
            return SimulatorResponse.of(404, context.errors().message("No Result found for batch with id "
                                                                      + batchId));
        }
        ObjectNode body = context.mapper().createObjectNode().put("status", batch.path("status").asText());
        body.set("success", batch.get("success"));
        body.set("failure", batch.get("failure"));
        return SimulatorResponse.of(200, body);
    }

    /** GET /import/bulk_import: batches still running (none: the simulator imports at once) and done, per day. */
    private SimulatorResponse status(SimulatorRequest request) {
        Map<String, int[]> days = new TreeMap<>();
        for (ObjectNode batch : context.store().collection(BATCHES).ordered()) {
            int[] day = days.computeIfAbsent(batch.path("forDate").asText(), k -> new int[2]);
            day[0]++;
            day[1] += batch.path("success").size();
        }
        ObjectNode body = context.mapper().createObjectNode();
        body.putArray("outstanding");
        ArrayNode done = body.putArray("recentlyCompleted");
        days.forEach((date, day) -> done.addObject().put("forDate", date).put("batches", String.valueOf(day[0]))
                .put("contacts", String.valueOf(day[1])));
        return SimulatorResponse.of(200, body);
    }
}
