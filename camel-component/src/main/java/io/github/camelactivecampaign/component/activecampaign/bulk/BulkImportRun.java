// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import org.apache.camel.RuntimeCamelException;

/**
 * One bulk import: takes contacts one at a time, sends them in batches of at most bulkBatchSize contacts and under
 * the 400,000-byte payload limit, within the bulk import's call limits, and counts what happened. Up to
 * bulkConcurrency batches are in flight while the next one fills (a call takes longer than the limits' spacing, so
 * one at a time would stay under the floor); only those and the batch being filled are held in memory, so an input
 * of millions of contacts takes no more memory than one of thousands.
 * A payload the service refuses because of some contacts (400 naming them) is sent again without them; a call
 * refused for the bulk call limit (another client of the account used it) is sent again after a pause.
 */
final class BulkImportRun {

    static final String OPERATION = "import/bulkImport";
    private static final byte[] OPEN = "{\"contacts\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    /** A contact ready to send: its row in the input, its email for reports and its JSON. */
    private record Pending(long row, String email, byte[] json) {
    }

    private final BulkImportContext context;
    private final int concurrency;
    /** A permit per batch that may be in flight. */
    private final Semaphore inFlight;
    /** The first failure of a batch sent in the background: the import stops at the next contact. */
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final long total;
    private final long startNanos = System.nanoTime();
    private final List<Pending> batch = new ArrayList<>();
    private final List<String> batchIds = new ArrayList<>();
    private final List<BulkImportFailure> failures = new ArrayList<>();
    private int batchBytes = OPEN.length + CLOSE.length;
    private long rows;
    private long batches;
    private long sent;
    private long accepted;
    private long failed;
    private long rateLimitRefusals;

    BulkImportRun(BulkImportContext context, long total) {
        this.context = context;
        this.total = total;
        this.concurrency = context.configuration().getBulkConcurrency();
        this.inFlight = new Semaphore(concurrency);
    }

    /** Adds the next contact of the input; sends the batch when it is full. */
    void add(Object contact) {
        long row = rows++;
        byte[] json;
        String email;
        try {
            Map<String, Object> converted = context.converter().convert(contact);
            email = String.valueOf(converted.get("email"));
            json = context.mapper().writeValueAsBytes(converted);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            fail(row, contact instanceof Map<?, ?> map && map.get("email") != null ? map.get("email").toString() : null,
                    "not sent: " + e.getMessage());
            return;
        }
        if (OPEN.length + json.length + CLOSE.length >= ActiveCampaignBulkImportConfiguration.MAX_PAYLOAD_BYTES) {
            fail(row, email, "not sent: the contact alone is " + json.length + " bytes, over the bulk import's "
                             + ActiveCampaignBulkImportConfiguration.MAX_PAYLOAD_BYTES + "-byte payload limit");
            return;
        }
        int separator = batch.isEmpty() ? 0 : 1;
        if (batchBytes + separator + json.length >= ActiveCampaignBulkImportConfiguration.MAX_PAYLOAD_BYTES) {
            flush();
            separator = 0;
        }
        batch.add(new Pending(row, email, json));
        batchBytes += separator + json.length;
        if (batch.size() >= context.configuration().getBulkBatchSize()) {
            flush();
        }
    }

    /** Hands the contacts waiting, if any, to a sender; waits while bulkConcurrency batches are in flight. */
    void flush() {
        rethrow();
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> contacts = new ArrayList<>(batch);
        batch.clear();
        batchBytes = OPEN.length + CLOSE.length;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted while waiting to send a bulk import batch", e);
        }
        try {
            context.sender().execute(() -> sendInBackground(contacts));
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    private void sendInBackground(List<Pending> contacts) {
        try {
            send(contacts);
            // before the permit is back: the import's summary never overtakes the progress of its last batch
            context.progress(progress());
        } catch (RuntimeException e) {
            synchronized (this) {
                for (Pending contact : contacts) {
                    fail(contact.row(), contact.email(), "not imported: " + e.getMessage());
                }
            }
            failure.compareAndSet(null, e);
        } finally {
            inFlight.release();
        }
    }

    /** Waits until no batch is in flight. */
    private void drain() {
        try {
            inFlight.acquire(concurrency);
            inFlight.release(concurrency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted while waiting for the bulk import's batches", e);
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Sends the rest, waits for the batches to complete when asked to, and sums up. */
    BulkImportSummary finish() {
        try {
            flush();
        } finally {
            drain();
        }
        rethrow();
        double rate = rate();
        boolean completed = false;
        int incomplete = 0;
        if (context.configuration().isBulkWaitForCompletion() && !batchIds.isEmpty()) {
            BulkImportCompletion.Outcome outcome = new BulkImportCompletion(context).await(batchIds);
            for (String email : outcome.rejected()) {
                fail(-1, email, "rejected by the service while importing (GET /import/info)");
            }
            incomplete = outcome.incomplete();
            completed = incomplete == 0;
        }
        BulkImportSummary summary;
        synchronized (this) {
            summary = new BulkImportSummary(batches, sent, accepted, failed, List.copyOf(failures),
                List.copyOf(batchIds), completed, incomplete, rateLimitRefusals,
                Duration.ofNanos(System.nanoTime() - startNanos), rate);
        }
        context.finished(summary);
        return summary;
    }

    synchronized BulkImportProgress progress() {
        double rate = rate();
        long processed = sent + failed;
        Duration eta = total < 0 || rate <= 0 ? null
                : Duration.ofMillis((long) (Math.max(0, total - processed) / rate * 60_000));
        return new BulkImportProgress(batches, sent, accepted, failed, total,
                Duration.ofNanos(System.nanoTime() - startNanos), rate, eta);
    }

    /** Contacts sent per minute since the start. */
    private synchronized double rate() {
        long elapsed = System.nanoTime() - startNanos;
        return elapsed <= 0 ? 0 : sent * 60e9 / elapsed;
    }

    private void send(List<Pending> contacts) {
        List<Pending> remaining = contacts;
        while (!remaining.isEmpty()) {
            ActiveCampaignResponse response = call(payload(remaining), remaining.size() == 1);
            if (response.isSuccess()) {
                JsonNode body = json(response.body());
                String batchId = body == null ? null : body.path("batchId").asText(null);
                synchronized (this) {
                    if (batchId != null) {
                        batchIds.add(batchId);
                    }
                    batches++;
                    sent += remaining.size();
                    accepted += body == null ? remaining.size()
                            : body.path("queued_contacts").asLong(remaining.size());
                }
                return;
            }
            JsonNode body = json(response.body());
            if (response.status() == 400 && isRateLimit(body)) {
                synchronized (this) {
                    rateLimitRefusals++;
                }
                pause();
                continue;
            }
            Map<Integer, String> refused = response.status() == 400 ? refusedContacts(body, remaining.size()) : Map.of();
            if (refused.isEmpty()) {
                // throws the service's error, with its message and a hint
                context.endpoint().getResponseReader().body(OPERATION, response);
                throw new IllegalStateException("unreachable: " + response.status());
            }
            List<Pending> kept = new ArrayList<>();
            for (int i = 0; i < remaining.size(); i++) {
                Pending contact = remaining.get(i);
                String reason = refused.get(i);
                if (reason != null) {
                    fail(contact.row(), contact.email(), reason);
                } else {
                    kept.add(contact);
                }
            }
            remaining = kept;
        }
    }

    private ActiveCampaignResponse call(String payload, boolean oneContact) {
        BulkImportLimiter.Slot slot;
        try {
            slot = context.limiter().acquire(oneContact);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted while waiting for the bulk import's call limit", e);
        }
        try {
            return context.endpoint().send(new ActiveCampaignRequest(OPERATION, "POST", "/import/bulk_import",
                    Map.of(), payload, "application/json"));
        } finally {
            slot.done();
        }
    }

    /** A refusal for the bulk call limit: 400 "Rate limit exceeded." (the reference's example). */
    private static boolean isRateLimit(JsonNode body) {
        return body != null && body.path("message").asText("").toLowerCase(Locale.ROOT).contains("rate limit");
    }

    /** The contacts a 400 names in failureReasons ({"contact": index, "failureReason": text}), by index. */
    private static Map<Integer, String> refusedContacts(JsonNode body, int size) {
        Map<Integer, String> refused = new HashMap<>();
        if (body == null) {
            return refused;
        }
        for (JsonNode reason : body.path("failureReasons")) {
            JsonNode index = reason.get("contact");
            if (index == null || !index.canConvertToInt() || index.asInt() < 0 || index.asInt() >= size) {
                return Map.of(); // a reason about the whole payload: not something to resend without
            }
            refused.put(index.asInt(), "refused by the service: " + reason.path("failureReason").asText("invalid"));
        }
        return refused;
    }

    /** Waits one call's share of the window before sending a refused call again. */
    private void pause() {
        ActiveCampaignBulkImportConfiguration configuration = context.configuration();
        long millis = Math.max(1, configuration.getBulkWindow() / configuration.getBulkCallsPerWindow());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted while waiting for the bulk import's call limit", e);
        }
    }

    private String payload(List<Pending> contacts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batchBytesOf(contacts));
        out.writeBytes(OPEN);
        for (int i = 0; i < contacts.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(contacts.get(i).json());
        }
        out.writeBytes(CLOSE);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int batchBytesOf(List<Pending> contacts) {
        int size = OPEN.length + CLOSE.length + contacts.size();
        for (Pending contact : contacts) {
            size += contact.json().length;
        }
        return size;
    }

    private JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return context.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private synchronized void fail(long row, String email, String reason) {
        failed++;
        if (failures.size() < context.configuration().getBulkMaxFailuresKept()) {
            failures.add(new BulkImportFailure(row, email, reason));
        }
    }
}
