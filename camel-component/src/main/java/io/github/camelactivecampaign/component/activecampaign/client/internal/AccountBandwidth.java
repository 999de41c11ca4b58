// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;

/**
 * The Bucket4j configuration of an account's budget: one token at a time, refilled evenly. A larger capacity would
 * let a burst through after a quiet spell, and the service counts its limit over any one second.
 */
final class AccountBandwidth {

    /**
     * Spacing added to the limit: replicas take their tokens from the store and then send, and the time between the
     * two varies by a few milliseconds from request to request; the service counts arrivals. 3% leaves 30 ms of such
     * jitter per second of requests.
     */
    static final double MARGIN = 1.03;

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

    private AccountBandwidth() {
    }

    static BucketConfiguration of(double permitsPerSecond) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("rateLimit must be greater than 0 requests per second, was "
                                               + permitsPerSecond);
        }
        long periodNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) * MARGIN / permitsPerSecond));
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(periodNanos)).build())
                .build();
    }
}
