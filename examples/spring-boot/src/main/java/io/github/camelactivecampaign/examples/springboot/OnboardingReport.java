// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * What the routes did, filled in as they run and printed at the end.
 */
@Component("onboardingReport")
public class OnboardingReport {

    private final AtomicInteger contacts = new AtomicInteger();
    private final AtomicInteger deals = new AtomicInteger();
    private final AtomicInteger activities = new AtomicInteger();
    private final CountDownLatch onboarded = new CountDownLatch(1);

    public void contactSynced() {
        contacts.incrementAndGet();
    }

    public void dealOpened() {
        deals.incrementAndGet();
    }

    public void activityPolled() {
        activities.incrementAndGet();
    }

    /** The onboarding route is done, or gave up on an error. */
    public void onboardingFinished() {
        onboarded.countDown();
    }

    public int contacts() {
        return contacts.get();
    }

    public int deals() {
        return deals.get();
    }

    public int activities() {
        return activities.get();
    }

    /** Each contact and each deal created shows up once in the account's activity stream. */
    public int expectedActivities() {
        return contacts() + deals();
    }

    /**
     * Waits for the onboarding, then for the activity consumer to have polled what it caused. False when either
     * took longer than allowed.
     */
    public boolean awaitCompletion(Duration onboarding, Duration activityWait) throws InterruptedException {
        if (!onboarded.await(onboarding.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        long deadline = System.nanoTime() + activityWait.toNanos();
        while (activities() < expectedActivities() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return activities() >= expectedActivities();
    }

    public String render(String target) {
        return String.join(System.lineSeparator(),
                "=== ActiveCampaign Spring Boot example: " + target + " ===",
                "contacts synced (contacts/sync)          : " + contacts(),
                "deals opened (deals/create)              : " + deals(),
                "activities polled (activities consumer)  : " + activities());
    }
}
