// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pace of a shared account budget, on a clock the test moves: requests that take every turn the bucket gives
 * use 97% of the limit (the 3% left absorb the delay between a turn and the request's arrival at the service), and
 * no second ever holds more than the limit, however the seconds are cut.
 */
class AccountBandwidthTest {

    @ParameterizedTest
    @ValueSource(doubles = { 5, 40 })
    void eagerRequestsUseNinetySevenPercentOfTheLimitAndNoSecondHoldsMore(double limit) {
        FakeClock clock = new FakeClock();
        Bucket bucket = Bucket.builder().addLimit(AccountBandwidth.of(limit).getBandwidths()[0])
                .withCustomTimePrecision(clock).build();
        long step = TimeUnit.MICROSECONDS.toNanos(100);
        long run = TimeUnit.SECONDS.toNanos(60);
        Deque<Long> lastSecond = new ArrayDeque<>();
        int granted = 0;
        int busiestSecond = 0;
        for (long now = 0; now < run; now += step) {
            clock.now = now;
            while (bucket.tryConsume(1)) {
                granted++;
                lastSecond.addLast(now);
            }
            while (now - lastSecond.peekFirst() >= TimeUnit.SECONDS.toNanos(1)) {
                lastSecond.pollFirst();
            }
            busiestSecond = Math.max(busiestSecond, lastSecond.size());
        }
        double share = granted / (limit * 60);
        assertThat(share).as("share of the limit used").isBetween(0.965, 0.975);
        assertThat(busiestSecond).as("requests in the busiest second").isLessThanOrEqualTo((int) limit);
    }

    @Test
    void aRateThatIsNotPositiveIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> AccountBandwidth.of(0))
                .hasMessageContaining("rateLimit must be greater than 0");
    }

    /** Nanoseconds the test sets; wall-clock based, as the shared buckets' clock is. */
    private static final class FakeClock implements TimeMeter {
        long now;

        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
