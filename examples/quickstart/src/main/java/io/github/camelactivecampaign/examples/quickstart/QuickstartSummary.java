// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

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

    public void contactSynced() {
        synced.incrementAndGet();
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
                "activities polled (activities consumer)  : " + activities());
    }
}
