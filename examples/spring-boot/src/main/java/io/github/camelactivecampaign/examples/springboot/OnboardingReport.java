// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * What the routes did so far.
 */
@Component("onboardingReport")
public class OnboardingReport {

    private final AtomicInteger contacts = new AtomicInteger();
    private final AtomicInteger deals = new AtomicInteger();
    private final AtomicInteger activities = new AtomicInteger();

    public void contactSynced() {
        contacts.incrementAndGet();
    }

    public void dealOpened() {
        deals.incrementAndGet();
    }

    public void activityPolled() {
        activities.incrementAndGet();
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
}
