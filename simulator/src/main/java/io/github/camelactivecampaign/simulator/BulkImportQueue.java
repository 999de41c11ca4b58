// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private final ObjectMapper mapper;
    private final SimulatorStore store;
    private final SimulatorClock clock;
    private final BulkImportLimits limits;
    private volatile Duration completion;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "activecampaign-simulator-import");
        thread.setDaemon(true);
        return thread;
    });
    /** The contacts of the batches not yet complete, by batch id. */
    private final Map<String, JsonNode> pending = new HashMap<>();
    /**
     * Contact ids by lower-case email, so that importing a batch does not scan every contact; rebuilt when contacts
     * were added or removed by other means than the import, or an email changed.
     */
    private final Map<String, String> emailIndex = new HashMap<>();
    private int indexedContacts = -1;

    BulkImportQueue(ObjectMapper mapper, SimulatorStore store, SimulatorClock clock, BulkImportLimits limits,
                    Duration completion) {
        this.mapper = mapper;
        this.store = store;
        this.clock = clock;
        this.limits = limits;
        this.completion = completion;
    }

    boolean serves(String operation) {
        return operation != null && operation.startsWith("import/");
    }

    SimulatorResponse handle(SimulatorRequest request, int bodyBytes) {
        return switch (request.operation().name()) {
            case "import/bulkImport" -> bulkImport(request, bodyBytes);
            case "import/info" -> info(request);
            case "import/bulkImportStatus" -> status();
            default -> SimulatorResponse.of(404, mapper.createObjectNode().put("message", "Not found"));
        };
    }

    private SimulatorResponse bulkImport(SimulatorRequest request, int bodyBytes) {
        JsonNode contacts = request.json() == null ? null : request.json().get("contacts");
        if (contacts == null || !contacts.isArray() || contacts.isEmpty()) {
            return refused(mapper.createArrayNode().add("contacts must be a non-empty array"));
        }
        if (contacts.size() > MAX_CONTACTS) {
            return refused(mapper.createArrayNode().add("A bulk import takes at most " + MAX_CONTACTS
                                                        + " contacts, got " + contacts.size()));
        }
        if (bodyBytes >= MAX_BYTES) {
            return refused(mapper.createArrayNode().add("The payload must be under " + MAX_BYTES + " bytes, got "
                                                        + bodyBytes));
        }
        boolean one = contacts.size() == 1;
        if (!limits.tryAcquire(one)) {
            ObjectNode body = mapper.createObjectNode().put("success", 0).put("message", "Rate limit exceeded.");
            body.putArray("failureReasons").add(limits.refusal(one));
            return SimulatorResponse.of(400, body);
        }
        ArrayNode reasons = mapper.createArrayNode();
        for (int i = 0; i < contacts.size(); i++) {
            if (!WELL_FORMED.matcher(contacts.get(i).path("email").asText("")).matches()) {
                reasons.addObject().put("contact", i).put("failureReason", "Field 'email' incorrect format");
            }
        }
        if (!reasons.isEmpty()) {
            return refused(reasons);
        }
        String batchId = UUID.randomUUID().toString();
        ObjectNode batch = mapper.createObjectNode().put("id", batchId).put("status", "queued")
                .put("forDate", clock.timestamp().substring(0, 10)).put("contacts", contacts.size());
        batch.putArray("success");
        batch.putArray("failure");
        synchronized (this) {
            store.seed(mapper.createObjectNode().set(BATCHES, mapper.createArrayNode().add(batch)));
            pending.put(batchId, contacts.deepCopy());
        }
        worker.schedule(() -> complete(batchId), completion.toMillis(), TimeUnit.MILLISECONDS);
        return SimulatorResponse.of(200, mapper.createObjectNode().put("success", 1)
                .put("queued_contacts", contacts.size()).put("batchId", batchId)
                .put("message", "Contact import queued"));
    }

    private SimulatorResponse refused(ArrayNode reasons) {
        ObjectNode body = mapper.createObjectNode().put("success", 0).put("message", REFUSED);
        body.set("failureReasons", reasons);
        return SimulatorResponse.of(400, body);
    }

    /**
     * Imports a queued batch: every contact created or updated, but those the import cannot take. Holds the queue's
     * lock, so that a reset never meets a half-imported batch.
     */
    private synchronized void complete(String batchId) {
        JsonNode contacts = pending.remove(batchId);
        if (contacts == null) {
            return; // reset meanwhile
        }
        ArrayNode success = mapper.createArrayNode();
        ArrayNode failure = mapper.createArrayNode();
        for (JsonNode contact : contacts) {
            String email = contact.path("email").asText();
            if (!IMPORTABLE.matcher(email).matches()) {
                failure.add(email);
                continue;
            }
            String key = email.toLowerCase(Locale.ROOT);
            ObjectNode existing = existing(key);
            ObjectNode stored = upsert(contact, existing);
            if (existing == null) {
                emailIndex.put(key, stored.path("id").asText());
                indexedContacts++;
            }
            success.add(stored.path("id").asText());
        }
        ObjectNode changes = mapper.createObjectNode().put("status", "completed");
        changes.set("success", success);
        changes.set("failure", failure);
        store.update(BATCHES, batchId, changes);
    }

    /** The contact with this (lower-case) email, or null. */
    private ObjectNode existing(String email) {
        if (indexedContacts != store.count("contacts")) {
            reindex();
        }
        String id = emailIndex.get(email);
        ObjectNode contact = id == null ? null : store.get("contacts", id);
        if (id != null && (contact == null || !email.equalsIgnoreCase(contact.path("email").asText()))) {
            reindex(); // an email changed meanwhile
            id = emailIndex.get(email);
            contact = id == null ? null : store.get("contacts", id);
        }
        return contact;
    }

    private void reindex() {
        emailIndex.clear();
        List<ObjectNode> contacts = store.all("contacts");
        for (ObjectNode contact : contacts) {
            emailIndex.put(contact.path("email").asText().toLowerCase(Locale.ROOT), contact.path("id").asText());
        }
        indexedContacts = contacts.size();
    }

    private ObjectNode upsert(JsonNode contact, ObjectNode existing) {
        ObjectNode fields = mapper.createObjectNode().put("email", contact.path("email").asText());
        copy(contact, "first_name", fields, "firstName");
        copy(contact, "last_name", fields, "lastName");
        copy(contact, "phone", fields, "phone");
        ObjectNode stored = existing == null ? store.create("contacts", fields)
                : store.update("contacts", existing.path("id").asText(), fields);
        String id = stored.path("id").asText();
        for (JsonNode tag : contact.path("tags")) {
            ObjectNode known = store.findBy("tags", "tag", tag.asText());
            if (known == null) {
                known = store.create("tags", mapper.createObjectNode().put("tag", tag.asText())
                        .put("tagType", "contact"));
            }
            store.create("contactTags", mapper.createObjectNode().put("contact", id)
                    .put("tag", known.path("id").asText()));
        }
        for (JsonNode field : contact.path("fields")) {
            store.create("fieldValues", mapper.createObjectNode().put("contact", id)
                    .put("field", field.path("id").asText()).put("value", field.path("value").asText()));
        }
        subscribe(id, contact.path("subscribe"), "1");
        subscribe(id, contact.path("unsubscribe"), "2");
        return stored;
    }

    private void subscribe(String contact, JsonNode lists, String status) {
        for (JsonNode list : lists) {
            store.create("contactLists", mapper.createObjectNode().put("contact", contact)
                    .put("list", list.path("listid").asText()).put("status", status));
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
            return SimulatorResponse.of(400, mapper.createObjectNode().put("success", 0)
                    .put("message", "'batchId' is a required field."));
        }
        ObjectNode batch;
        synchronized (this) {
            batch = store.get(BATCHES, batchId);
            batch = batch == null ? null : batch.deepCopy();
        }
        if (batch == null) {
            return SimulatorResponse.of(404, mapper.createObjectNode().put("message",
                    "No Result found for batch with id " + batchId));
        }
        ObjectNode body = mapper.createObjectNode().put("status", batch.path("status").asText());
        body.set("success", batch.get("success"));
        body.set("failure", batch.get("failure"));
        return SimulatorResponse.of(200, body);
    }

    /** GET /import/bulk_import: batches outstanding and recently completed, per day. */
    private SimulatorResponse status() {
        Map<String, long[]> outstanding = new TreeMap<>();
        Map<String, long[]> completed = new TreeMap<>();
        synchronized (this) {
            for (ObjectNode batch : store.all(BATCHES)) {
                Map<String, long[]> days = "completed".equals(batch.path("status").asText()) ? completed : outstanding;
                long[] day = days.computeIfAbsent(batch.path("forDate").asText(), k -> new long[2]);
                day[0]++;
                day[1] += batch.path("contacts").asLong();
            }
        }
        ObjectNode body = mapper.createObjectNode();
        days(body.putArray("outstanding"), outstanding);
        days(body.putArray("recentlyCompleted"), completed);
        return SimulatorResponse.of(200, body);
    }

    private static void days(ArrayNode array, Map<String, long[]> days) {
        new LinkedHashMap<>(days).forEach((date, day) -> array.addObject().put("forDate", date)
                .put("batches", String.valueOf(day[0])).put("contacts", String.valueOf(day[1])));
    }

    void setCompletion(Duration completion) {
        this.completion = completion;
    }

    synchronized void reset() {
        pending.clear();
        emailIndex.clear();
        indexedContacts = -1;
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
