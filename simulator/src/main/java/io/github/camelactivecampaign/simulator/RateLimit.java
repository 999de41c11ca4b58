// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/** The account's rate limit: at most this many requests in any one second (the service allows 5). */
final class RateLimit {

    private final Deque<Long> recent = new ArrayDeque<>();
    private volatile double perSecond;

    RateLimit(double perSecond) {
        this.perSecond = perSecond;
    }

    /** 0 or less turns the limit off. */
    void set(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Whether a request now goes over the limit; a request within it is counted. */
    boolean exceeded() {
        double limit = perSecond;
        if (limit <= 0) {
            return false;
        }
        long now = System.nanoTime();
        synchronized (recent) {
            while (!recent.isEmpty() && now - recent.peekFirst() >= TimeUnit.SECONDS.toNanos(1)) {
                recent.pollFirst();
            }
            if (recent.size() >= limit) {
                return true;
            }
            recent.addLast(now);
            return false;
        }
    }

    void clear() {
        synchronized (recent) {
            recent.clear();
        }
    }
}
