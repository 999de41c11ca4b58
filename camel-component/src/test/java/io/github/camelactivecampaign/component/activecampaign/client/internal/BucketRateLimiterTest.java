// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Bucket4j limiter on a clock the test moves: one request every margin/rate seconds, never a burst, pauses that
 * do not add up, and the service's signals (429, RateLimit-Remaining) acting on the bucket itself.
 */
class BucketRateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private long now = TimeUnit.HOURS.toNanos(1);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    /** The limiter on the test's clock, pacing only (the service window has tests of its own). */
    private BucketRateLimiter limiter(double rate, double margin) {
        Bucket bucket = Bucket.builder().addLimit(BucketRateLimiter.configuration(rate, margin).getBandwidths()[0])
                .withCustomTimePrecision(clock).build();
        return new BucketRateLimiter(bucket, rate, margin, null);
    }

    private boolean acquireNow(BucketRateLimiter limiter) throws InterruptedException {
        return limiter.acquire(Duration.ZERO);
    }

    @Test
    void oneRequestEveryMarginOverRateSeconds() throws Exception {
        BucketRateLimiter limiter = limiter(5, 1.005);
        long interval = Math.round(SECOND * 1.005 / 5);
        assertThat(acquireNow(limiter)).isTrue();
        assertThat(acquireNow(limiter)).as("the next token is an interval away").isFalse();
        now += interval - 1;
        assertThat(acquireNow(limiter)).isFalse();
        now += 1;
        assertThat(acquireNow(limiter)).isTrue();
    }

    @Test
    void neverMoreThanTheLimitInAnySecondNotEvenAfterAQuietSpell() throws Exception {
        BucketRateLimiter limiter = limiter(5, 1.0);
        now += 60 * SECOND; // a quiet minute: a bucket of more than one token would now let a burst through
        long[] granted = new long[100];
        int count = 0;
        for (long end = now + 20 * SECOND; now < end && count < granted.length; now += TimeUnit.MILLISECONDS.toNanos(1)) {
            if (acquireNow(limiter)) {
                granted[count++] = now;
            }
        }
        assertThat(count).as("5 a second for 20 s").isEqualTo(100);
        for (int i = 5; i < count; i++) {
            assertThat(granted[i] - granted[i - 5]).as("requests %d and %d", i - 5, i).isGreaterThanOrEqualTo(SECOND);
        }
    }

    @Test
    void aPauseHoldsTheNextRequestBackAndPausesDoNotAddUp() throws Exception {
        BucketRateLimiter limiter = limiter(5, 1.0);
        limiter.pause(Duration.ofSeconds(1));
        limiter.pause(Duration.ofSeconds(1)); // a second 429 of the same moment asks for the same second
        now += SECOND - 1;
        assertThat(acquireNow(limiter)).isFalse();
        now += 1;
        assertThat(acquireNow(limiter)).isTrue();
    }

    @Test
    void aRequestThatWouldWaitPastItsMaximumIsRefusedWithoutTakingASlot() throws Exception {
        BucketRateLimiter limiter = limiter(5, 1.0);
        limiter.pause(Duration.ofSeconds(5));
        assertThat(limiter.acquire(Duration.ofSeconds(1))).isFalse();
        now += 5 * SECOND;
        assertThat(acquireNow(limiter)).as("the refused request took no token").isTrue();
    }

    @Test
    void a429WidensTheSpacingAndPausesTheAccount() throws Exception {
        BucketRateLimiter limiter = limiter(5, 1.0);
        limiter.rateLimited(Duration.ofSeconds(1));
        assertThat(limiter.margin()).isEqualTo(1.0 + BucketRateLimiter.MARGIN_STEP);
        long wider = Math.round(SECOND * limiter.margin() / 5);
        now += SECOND - 1;
        assertThat(acquireNow(limiter)).isFalse();
        now += wider; // the pause is paid in whole tokens: at most one interval longer than Retry-After
        assertThat(acquireNow(limiter)).isTrue();
        now += wider - 1;
        assertThat(acquireNow(limiter)).as("spaced wider than before the 429").isFalse();
        now += 1;
        assertThat(acquireNow(limiter)).isTrue();

        for (int i = 0; i < 50; i++) {
            limiter.rateLimited(Duration.ZERO);
        }
        assertThat(limiter.margin()).isEqualTo(BucketRateLimiter.MAX_MARGIN);
    }

    @Test
    void noRequestOnCreditWhenTheServiceSaysNothingRemains() throws Exception {
        BucketRateLimiter limiter = limiter(5, 1.0);
        now += 10 * SECOND;
        limiter.remaining(3);
        assertThat(acquireNow(limiter)).as("budget left: the token in hand is used").isTrue();
        now += 10 * SECOND;
        limiter.remaining(0);
        assertThat(acquireNow(limiter)).as("the service's window is full").isFalse();
        now += SECOND / 5;
        assertThat(acquireNow(limiter)).isTrue();
    }

    @Test
    void aRateThatIsNoRateIsRefusedNamingTheSwitch() {
        assertThatThrownBy(() -> BucketRateLimiter.local(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateLimit must be greater than 0").hasMessageContaining("rateLimitEnabled=false");
        assertThatThrownBy(() -> BucketRateLimiter.local(5, 0.9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("margin");
    }

    @Test
    void theAccountLimiterWaitsForAnswersAShareDoesNot() throws Exception {
        BucketRateLimiter share = BucketRateLimiter.share(1000);
        for (int i = 0; i < 2 * ServiceWindow.MAX_SIZE; i++) {
            assertThat(share.acquire(Duration.ofSeconds(5))).as("a share never waits for answers").isTrue();
        }
        BucketRateLimiter account = BucketRateLimiter.local(1000);
        for (int i = 0; i < ServiceWindow.MAX_SIZE; i++) {
            assertThat(acquireOnAThreadOfItsOwn(account)).isTrue();
        }
        assertThat(acquireOnAThreadOfItsOwn(account)).as("the service may still be counting all of them").isFalse();
    }

    /** Takes a slot from a new thread that never reports an answer. */
    private static boolean acquireOnAThreadOfItsOwn(BucketRateLimiter limiter) throws Exception {
        boolean[] acquired = new boolean[1];
        Thread thread = new Thread(() -> {
            try {
                acquired[0] = limiter.acquire(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        thread.join();
        return acquired[0];
    }

    @Test
    void unpacedLimiterLetsEverythingThroughButHonoursRetryAfter() throws Exception {
        UnpacedRateLimiter unpaced = new UnpacedRateLimiter();
        for (int i = 0; i < 1000; i++) {
            assertThat(unpaced.acquire(Duration.ZERO)).isTrue();
        }
        assertThat(unpaced.permitsPerSecond()).isInfinite();
        unpaced.pause(Duration.ofMinutes(1));
        assertThat(unpaced.acquire(Duration.ofSeconds(1))).as("the service asked to wait a minute").isFalse();
    }
}
