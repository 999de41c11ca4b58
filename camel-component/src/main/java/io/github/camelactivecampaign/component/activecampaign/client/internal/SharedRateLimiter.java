// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;

/**
 * An account's budget shared by every JVM that uses the same store: a Bucket4j bucket proxied to PostgreSQL or Redis,
 * and the account's pause next to it.
 * <p>
 * A request takes the next token of the bucket (the store hands them out in order, whoever asks), sleeps until it is
 * due, and is sent unless a pause began meanwhile: then its token is void and it queues again once the pause is over,
 * so that the requests held up by a pause do not all leave together when it ends. Every read of the store happens
 * before the request's turn, not between its turn and its sending: the service counts requests as they arrive.
 */
public final class SharedRateLimiter implements ActiveCampaignRateLimiter {

    /** How long before its turn a waiting request reads the pause: more than a read of the store takes. */
    static final long LOOK_AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Bucket bucket;
    private final SharedPause pause;
    private final double permitsPerSecond;
    private final String backend;

    SharedRateLimiter(Bucket bucket, SharedPause pause, double permitsPerSecond, String backend) {
        this.bucket = bucket;
        this.pause = pause;
        this.permitsPerSecond = permitsPerSecond;
        this.backend = backend;
    }

    @Override
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Duration paused = pause.remaining();
            if (!paused.isZero()) {
                if (System.nanoTime() + paused.toNanos() > deadline) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(paused.toNanos());
                continue;
            }
            long left = deadline - System.nanoTime();
            PauseWatch watch = new PauseWatch();
            boolean taken = left > 0 ? bucket.asBlocking().tryConsume(1, left, watch) : bucket.tryConsume(1);
            if (!taken) {
                return false;
            }
            if (!watch.pausedMeanwhile) {
                return true;
            }
            // a 429 paused the account while this request waited for its turn: the turn is void
        }
    }

    /**
     * Sleeps until the request's turn, and looks at the account's pause {@link #LOOK_AHEAD_NANOS} before it: the
     * store's answer arrives while the request still waits, so it leaves on time. A wait shorter than that needs no
     * look, the pause was read just before the turn was taken.
     */
    private final class PauseWatch implements BlockingStrategy {
        boolean pausedMeanwhile;

        @Override
        public void park(long nanos) throws InterruptedException {
            if (nanos <= LOOK_AHEAD_NANOS) {
                BlockingStrategy.PARKING.park(nanos);
                return;
            }
            long turn = System.nanoTime() + nanos;
            BlockingStrategy.PARKING.park(nanos - LOOK_AHEAD_NANOS);
            pausedMeanwhile = !pause.remaining().isZero();
            long rest = turn - System.nanoTime();
            if (rest > 0) {
                BlockingStrategy.PARKING.park(rest);
            }
        }
    }

    @Override
    public void pause(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        pause.extend(wait);
    }

    @Override
    public double permitsPerSecond() {
        return permitsPerSecond;
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
