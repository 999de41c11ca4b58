// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;

/**
 * The account's limiter with {@code rateLimitEnabled=false}: requests are not paced at all (tests, a proxy that
 * enforces the limit itself, benchmarks), but a Retry-After the service sends still holds the account's requests
 * back, as the service asked.
 */
public final class UnpacedRateLimiter implements ActiveCampaignRateLimiter {

    private volatile long pausedUntilNanos = System.nanoTime();

    @Override
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long wait = pausedUntilNanos - System.nanoTime();
        if (wait <= 0) {
            return true;
        }
        if (wait > maxWait.toNanos()) {
            return false;
        }
        TimeUnit.NANOSECONDS.sleep(wait);
        return true;
    }

    @Override
    public synchronized void pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        if (until - pausedUntilNanos > 0) {
            pausedUntilNanos = until;
        }
    }

    @Override
    public double permitsPerSecond() {
        return Double.POSITIVE_INFINITY;
    }
}
