// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quarkus;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * What the routes did so far.
 */
@ApplicationScoped
@Named("onboardingReport")
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
