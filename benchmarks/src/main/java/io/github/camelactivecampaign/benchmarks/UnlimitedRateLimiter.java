// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.time.Duration;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;

/**
 * A budget that always has room: bound as the component's {@code rateLimiter}, it takes the account's limiter out
 * of the per-call measurement, so that what is measured is the component's own cost per call.
 */
public final class UnlimitedRateLimiter implements ActiveCampaignRateLimiter {

    @Override
    public boolean acquire(Duration maxWait) {
        return true;
    }

    @Override
    public void pause(Duration wait) {
        // the loopback server never asks to wait
    }

    @Override
    public double permitsPerSecond() {
        return Double.POSITIVE_INFINITY;
    }
}
