// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;

/**
 * Spaces requests evenly at a fixed rate, in arrival order (a fair lock hands out the slots), within one JVM.
 * The spacing is {@link #MARGIN} wider than the limit: the service counts requests as they arrive, and requests
 * sent exactly at the limit arrive with enough jitter for six to land in one second.
 */
public final class SmoothRateLimiter implements ActiveCampaignRateLimiter {

    static final double MARGIN = 1.05;

    private final double requestsPerSecond;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock(true);
    private long nextFreeNanos = System.nanoTime();

    public SmoothRateLimiter(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("rateLimit must be greater than 0 requests per second, was "
                                               + requestsPerSecond);
        }
        this.requestsPerSecond = requestsPerSecond;
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) * MARGIN / requestsPerSecond);
    }

    @Override
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long wait;
        lock.lockInterruptibly();
        try {
            long now = System.nanoTime();
            long slot = Math.max(now, nextFreeNanos);
            wait = slot - now;
            if (wait > maxWait.toNanos()) {
                return false;
            }
            nextFreeNanos = slot + intervalNanos;
        } finally {
            lock.unlock();
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return true;
    }

    @Override
    public double permitsPerSecond() {
        return requestsPerSecond;
    }

    @Override
    public void pause(Duration wait) {
        lock.lock();
        try {
            nextFreeNanos = Math.max(nextFreeNanos, System.nanoTime() + wait.toNanos());
        } finally {
            lock.unlock();
        }
    }
}
