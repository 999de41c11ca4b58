// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bulk import as the service runs it: {@code POST /import/bulk_import} takes at most 250 contacts and under
 * 400,000 bytes a call, within its own call limits ({@link BulkImportLimits}); a payload with a malformed email is
 * refused whole (400 naming each such contact, nothing queued), as the reference shows. An accepted batch is queued
 * and completes after a short time: its contacts are created or updated by email, with their tags, custom field
 * values and list subscriptions, and {@code GET /import/info?batchId=} then lists the imported contact ids and the
 * emails the import rejected while processing. The simulator rejects, while processing, an address whose domain has
 * no dot or that holds characters other than letters, digits and {@code . _ % + -} (the reference's examples:
 * {@code invalid.email@invalidDomain}, {@code invalid'character@example.com}).
 */
final class BulkImportQueue implements AutoCloseable {

    static final int MAX_CONTACTS = 250;
    static final int MAX_BYTES = 400_000;
    static final String BATCHES = "importBatches";
    static final Duration DEFAULT_COMPLETION = Duration.ofMillis(200);
    private static final Pattern WELL_FORMED = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern IMPORTABLE = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final String REFUSED = "JSON payload did not pass validation. Please fix failure Reasons and "
                                          + "retry. The import was not queued for processing.";

    private final SimulatorContext context;
    private final BulkImportLimits limits;
    private volatile Duration completion;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "activecampaign-simulator-import");
        thread.setDaemon(true);
        return thread;
    });
    /** The contacts of the batches not yet complete, by batch id; guarded by the store's lock. */
    private final Map<String, JsonNode> pending = new HashMap<>();

    BulkImportQueue(SimulatorContext context, BulkImportLimits limits, Duration completion) {
        this.context = context;
        this.limits = limits;
        this.completion = completion;
    }

    void register(Map<String, Function<SimulatorRequest, SimulatorResponse>> routes) {
        routes.put("import/bulkImport", this::bulkImport);
        routes.put("import/info", this::info);
        routes.put("import/bulkImportStatus", this::status);
    }

    private SimulatorResponse bulkImport(SimulatorRequest request) {
        JsonNode contacts = request.json() == null ? null : request.json().get("contacts");
        if (contacts == null || !contacts.isArray() || contacts.isEmpty()) {
            return refused(context.mapper().createArrayNode().add("contacts must be a non-empty array"));
        }
        if (contacts.size() > MAX_CONTACTS) {
            return refused(context.mapper().createArrayNode().add("A bulk import takes at most " + MAX_CONTACTS
                                                                  + " contacts, got " + contacts.size()));
        }
        if (request.bodyBytes() >= MAX_BYTES) {
            return refused(context.mapper().createArrayNode().add("The payload must be under " + MAX_BYTES
                                                                  + " bytes, got " + request.bodyBytes()));
        }
        boolean one = contacts.size() == 1;
        if (!limits.tryAcquire(one)) {
            ObjectNode body = context.mapper().createObjectNode().put("success", 0)
                    .put("message", "Rate limit exceeded.");
            body.putArray("failureReasons").add(limits.refusal(one));
            return SimulatorResponse.of(400, body);
        }
        ArrayNode reasons = context.mapper().createArrayNode();
        for (int i = 0; i < contacts.size(); i++) {
            if (!WELL_FORMED.matcher(contacts.get(i).path("email").asText("")).matches()) {
                reasons.addObject().put("contact", i).put("failureReason", "Field 'email' incorrect format");
            }
        }
        if (!reasons.isEmpty()) {
            return refused(reasons);
        }
        String batchId = UUID.randomUUID().toString();
        ObjectNode batch = context.mapper().createObjectNode().put("id", batchId).put("status", "queued")
                .put("forDate", Dates.format(context.clock().now(), Dates.Style.DAY, context.clock().zone()))
                .put("contacts", contacts.size());
        batch.putArray("success");
        batch.putArray("failure");
        context.store().create(BATCHES, batch);
        pending.put(batchId, contacts.deepCopy());
        worker.schedule(() -> complete(batchId), completion.toMillis(), TimeUnit.MILLISECONDS);
        return SimulatorResponse.of(200, context.mapper().createObjectNode().put("Success", 1)
                .put("queued_contacts", contacts.size()).put("batchId", batchId)
                .put("message", "Contact import queued"));
    }

    private SimulatorResponse refused(ArrayNode reasons) {
        ObjectNode body = context.mapper().createObjectNode().put("success", 0).put("message", REFUSED);
        body.set("failureReasons", reasons);
        return SimulatorResponse.of(400, body);
    }

    /**
     * Imports a queued batch: every contact created or updated, but those the import cannot take. The store's lock is
     * taken per contact, so that API requests are not held up behind a whole batch.
     */
    private void complete(String batchId) {
        JsonNode contacts;
        synchronized (context.store()) {
            contacts = pending.get(batchId);
        }
        if (contacts == null) {
            return; // reset meanwhile
        }
        ArrayNode success = context.mapper().createArrayNode();
        ArrayNode failure = context.mapper().createArrayNode();
        for (JsonNode contact : contacts) {
            String email = contact.path("email").asText();
            if (!IMPORTABLE.matcher(email).matches()) {
                failure.add(email);
                continue;
            }
            synchronized (context.store()) {
                if (pending.get(batchId) != contacts) {
                    return; // reset meanwhile
                }
                success.add(upsert(contact));
            }
        }
        synchronized (context.store()) {
            if (pending.remove(batchId) == null) {
                return;
            }
            ObjectNode changes = context.mapper().createObjectNode().put("status", "completed");
            changes.set("success", success);
            changes.set("failure", failure);
            context.store().update(BATCHES, batchId, changes);
        }
    }

    /** Creates or updates the contact with that email, with its tags, field values and subscriptions; its id. */
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
        for (JsonNode field : contact.path("fields")) {
            context.store().create("fieldValues", context.mapper().createObjectNode().put("contact", id)
                    .put("field", field.path("id").asText()).put("value", field.path("value").asText()));
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

    /** GET /import/info?batchId=: the batch's status, the ids it imported and the emails it rejected. */
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
        body.set("success", batch.get("success").deepCopy());
        body.set("failure", batch.get("failure").deepCopy());
        return SimulatorResponse.of(200, body);
    }

    /** GET /import/bulk_import: batches outstanding and recently completed, per day. */
    private SimulatorResponse status(SimulatorRequest request) {
        Map<String, long[]> outstanding = new TreeMap<>();
        Map<String, long[]> completed = new TreeMap<>();
        for (ObjectNode batch : context.store().collection(BATCHES).ordered()) {
            Map<String, long[]> days = "completed".equals(batch.path("status").asText()) ? completed : outstanding;
            long[] day = days.computeIfAbsent(batch.path("forDate").asText(), k -> new long[2]);
            day[0]++;
            day[1] += batch.path("contacts").asLong(batch.path("success").size());
        }
        ObjectNode body = context.mapper().createObjectNode();
        days(body.putArray("outstanding"), outstanding);
        days(body.putArray("recentlyCompleted"), completed);
        return SimulatorResponse.of(200, body);
    }

    private static void days(ArrayNode array, Map<String, long[]> days) {
        days.forEach((date, day) -> array.addObject().put("forDate", date).put("batches", String.valueOf(day[0]))
                .put("contacts", String.valueOf(day[1])));
    }

    void setCompletion(Duration completion) {
        this.completion = completion;
    }

    /** Forgets the queue; called with the store's lock held. */
    void reset() {
        pending.clear();
        limits.reset();
    }

    long refusedCalls() {
        return limits.refused();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
