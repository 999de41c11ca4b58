// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportSummary;

/**
 * What the quickstart routes did, filled in as they run and printed at the end.
 */
public class QuickstartSummary {

    private final AtomicInteger synced = new AtomicInteger();
    private final AtomicInteger tagged = new AtomicInteger();
    private final AtomicInteger deals = new AtomicInteger();
    private final AtomicInteger notes = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger activities = new AtomicInteger();
    private final List<String> listed = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch done = new CountDownLatch(1);
    private final Map<String, Integer> webhooks = new TreeMap<>();
    private volatile BulkImportSummary imported;
    private volatile String importNote = "not run";
    private volatile String webhookNote;

    private volatile boolean countingActivities = true;

    public void contactSynced() {
        synced.incrementAndGet();
    }

    /** Whether polled activities still count: until the onboarding's were all seen, or the wait ended. */
    public boolean countingActivities() {
        return countingActivities;
    }

    /** Waits (at most the given time) for the onboarding's activities, then stops counting. */
    public void awaitActivities(java.time.Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (activities() < expectedActivities() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        countingActivities = false;
    }

    public void contactTagged() {
        tagged.incrementAndGet();
    }

    public void dealOpened() {
        deals.incrementAndGet();
    }

    public void noteAdded() {
        notes.incrementAndGet();
    }

    public void eventTracked() {
        events.incrementAndGet();
    }

    public void activityPolled() {
        activities.incrementAndGet();
    }

    public int activities() {
        return activities.get();
    }

    /** What the onboarding should have caused in the activity stream: syncs, tags, deals and notes. */
    public int expectedActivities() {
        return synced() + tagged() + deals() + notes();
    }

    /** A webhook delivery of this type reached the webhook route. */
    public void webhookReceived(String type) {
        synchronized (webhooks) {
            webhooks.merge(type, 1, Integer::sum);
        }
    }

    public int webhooks() {
        synchronized (webhooks) {
            return webhooks.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Map<String, Integer> webhooksByType() {
        synchronized (webhooks) {
            return new TreeMap<>(webhooks);
        }
    }

    /** What the onboarding should have pushed to the webhook: a tag added, and each deal and note. */
    public int expectedWebhooks() {
        return tagged() + deals() + notes();
    }

    /** Why the webhook receiver runs or not, for the summary. */
    public void webhookNote(String note) {
        webhookNote = note;
    }

    public void imported(BulkImportSummary summary) {
        imported = summary;
    }

    public BulkImportSummary imported() {
        return imported;
    }

    /** Why the bulk import did not run, for the summary. */
    public void importNote(String note) {
        importNote = note;
    }

    public void contactListed(String email) {
        listed.add(email);
    }

    public void finished() {
        done.countDown();
    }

    public CountDownLatch done() {
        return done;
    }

    public int synced() {
        return synced.get();
    }

    public int tagged() {
        return tagged.get();
    }

    public int deals() {
        return deals.get();
    }

    public int notes() {
        return notes.get();
    }

    public int events() {
        return events.get();
    }

    public List<String> listed() {
        return List.copyOf(listed);
    }

    public String render(String target) {
        return String.join(System.lineSeparator(),
                "=== ActiveCampaign quickstart: " + target + " ===",
                "contacts synced (contacts/sync)          : " + synced(),
                "contacts tagged (contactTags/create)     : " + tagged(),
                "deals opened (deals/create)              : " + deals(),
                "notes added to them (deals/createNote)   : " + notes(),
                "events tracked (eventTracking/track)     : " + events(),
                "tagged contacts listed (2 a page)        : " + listed.size() + " " + listed(),
                "activities polled (activities consumer)  : " + activities(),
                "contacts imported in bulk (import/bulkImport): " + (imported == null ? importNote
                        : imported.sent() + " sent in " + imported.batches() + " batches, " + imported.accepted()
                          + " accepted, " + imported.failed() + " failed " + imported.failures().stream()
                                  .map(f -> f.email() + " (" + f.reason() + ")").toList()),
                "webhook deliveries (activecampaign:webhook): " + (webhookNote != null ? webhookNote
                        : webhooks() + " " + webhooksByType()));
    }
}
