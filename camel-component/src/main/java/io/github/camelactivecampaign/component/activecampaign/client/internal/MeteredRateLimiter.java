// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;

/**
 * Counts what an account's limiter does, for the dev console and JMX: permits given, requests that had to wait and
 * for how long, requests refused, the 429s the service answered and the pauses it asked for (429 or Retry-After).
 * Everything else is passed on as it is, on the caller's thread (the limiter may keep per-thread state).
 */
public final class MeteredRateLimiter implements ActiveCampaignRateLimiter {

    /** A wait shorter than this is the cost of asking, not a wait for the budget. */
    private static final long WAIT_THRESHOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ActiveCampaignRateLimiter delegate;
    private final String backend;
    private final AtomicLong permits = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong waitedNanos = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong tooManyRequests = new AtomicLong();
    private volatile long pausedUntilNanos = System.nanoTime();

    public MeteredRateLimiter(ActiveCampaignRateLimiter delegate, String backend) {
        this.delegate = delegate;
        this.backend = backend;
    }

    @Override
    public boolean acquire(Duration maxWait) throws InterruptedException {
        return acquire(null, maxWait);
    }

    @Override
    public boolean acquire(String operation, Duration maxWait) throws InterruptedException {
        long start = System.nanoTime();
        boolean granted = delegate.acquire(operation, maxWait);
        long waited = System.nanoTime() - start;
        if (!granted) {
            refused.incrementAndGet();
            return false;
        }
        permits.incrementAndGet();
        if (waited >= WAIT_THRESHOLD_NANOS) {
            waits.incrementAndGet();
            waitedNanos.addAndGet(waited);
        }
        return true;
    }

    @Override
    public void answered() {
        delegate.answered();
    }

    @Override
    public void pause(Duration wait) {
        paused(wait);
        delegate.pause(wait);
    }

    @Override
    public void rateLimited(Duration retryAfter) {
        tooManyRequests.incrementAndGet();
        paused(retryAfter);
        delegate.rateLimited(retryAfter);
    }

    @Override
    public void remaining(long remaining) {
        delegate.remaining(remaining);
    }

    private void paused(Duration wait) {
        pauses.incrementAndGet();
        long until = System.nanoTime() + wait.toNanos();
        if (until - pausedUntilNanos > 0) {
            pausedUntilNanos = until;
        }
    }

    @Override
    public double permitsPerSecond() {
        return delegate.permitsPerSecond();
    }

    /** The limiter counted. */
    public ActiveCampaignRateLimiter delegate() {
        return delegate;
    }

    /** Where the budget lives: local (this JVM), postgresql, redis, or custom. */
    public String backend() {
        return backend;
    }

    /** Requests let through. */
    public long permitsUsed() {
        return permits.get();
    }

    /** Requests that waited for their turn (a millisecond or more). */
    public long waits() {
        return waits.get();
    }

    /** Time spent waiting for the budget, all requests together. */
    public Duration waited() {
        return Duration.ofNanos(waitedNanos.get());
    }

    /** Requests refused because they would have waited longer than allowed (maxRateLimitWait). */
    public long refused() {
        return refused.get();
    }

    /** Pauses the service asked for in this JVM: 429 answers, and 503s with a Retry-After. */
    public long pauses() {
        return pauses.get();
    }

    /** 429 answers this JVM got for the account. */
    public long tooManyRequests() {
        return tooManyRequests.get();
    }

    /** What remains of the account's pause: the shared one when the budget is shared, else this JVM's. */
    public Duration pauseRemaining() {
        if (delegate instanceof SharedRateLimiter shared) {
            return shared.pauseRemaining();
        }
        long left = pausedUntilNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }
}
