// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;

/**
 * An account's budget shared by every JVM that uses the same store: the component's {@link BucketRateLimiter} on a
 * Bucket4j bucket proxied to PostgreSQL or Redis (so the pace, the debt a pause leaves and the spacing a 429 widens
 * are the store's), and the account's pause next to it as a "no request before" moment, timed by the store's clock.
 * <p>
 * A request first reads the pause: one that would have to wait longer than it may fails at once, one that may waits
 * it out; then it takes its turn from the bucket. A 429 or Retry-After seen by one replica is written to the store
 * and holds every replica, including those whose turn is already reserved once they ask again.
 */
public final class SharedRateLimiter implements ActiveCampaignRateLimiter {

    /**
     * The clock of a shared bucket: replicas compare their times through the store, so it must be the wall clock
     * (synchronised across hosts by NTP), read to the microsecond rather than the millisecond.
     */
    static final TimeMeter WALL_CLOCK = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            Instant now = Instant.now();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    private final BucketRateLimiter pace;
    private final SharedPause pause;
    private final String backend;

    SharedRateLimiter(BucketProxy bucket, SharedPause pause, double permitsPerSecond, String backend) {
        this.pace = new BucketRateLimiter(bucket, permitsPerSecond, BucketRateLimiter.DEFAULT_MARGIN);
        this.pause = pause;
        this.backend = backend;
    }

    /** The configuration of a new shared bucket: the component's own, one token per turn. */
    static BucketConfiguration configuration(double permitsPerSecond) {
        return BucketRateLimiter.configuration(permitsPerSecond, BucketRateLimiter.DEFAULT_MARGIN);
    }

    @Override
    public boolean acquire(Duration maxWait) throws InterruptedException {
        return acquire(null, maxWait);
    }

    @Override
    public boolean acquire(String operation, Duration maxWait) throws InterruptedException {
        long start = System.nanoTime();
        Duration paused = pause.remaining();
        if (!paused.isZero()) {
            if (paused.compareTo(maxWait) > 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(paused.toNanos());
        }
        return pace.acquire(operation, maxWait.minusNanos(System.nanoTime() - start));
    }

    @Override
    public void answered() {
        pace.answered();
    }

    @Override
    public void pause(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        pause.extend(wait);
        pace.pause(wait);
    }

    @Override
    public void rateLimited(Duration retryAfter) {
        if (!retryAfter.isNegative() && !retryAfter.isZero()) {
            pause.extend(retryAfter);
        }
        pace.rateLimited(retryAfter);
    }

    @Override
    public void remaining(long remaining) {
        pace.remaining(remaining);
    }

    @Override
    public double permitsPerSecond() {
        return pace.permitsPerSecond();
    }

    /** How long the account is still paused, as every replica sees it. */
    public Duration pauseRemaining() {
        return pause.remaining();
    }

    /** Where the budget lives: postgresql or redis. */
    public String backend() {
        return backend;
    }
}
