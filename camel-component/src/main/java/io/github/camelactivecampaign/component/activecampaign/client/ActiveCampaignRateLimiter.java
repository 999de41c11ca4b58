// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.time.Duration;

/**
 * The request budget of one ActiveCampaign account, shared by every endpoint that calls it. Implement it to share
 * the budget across JVMs (Redis, a database) and bind it as the component's {@code rateLimiter}; or build the
 * component's own Bucket4j limiter on a bucket from a distributed {@code ProxyManager}.
 * <p>
 * The client calls {@link #acquire} right before each request is sent and {@link #answered} on the same thread once
 * it got the answer (or failed), and tells the limiter what the service said about the account's budget:
 * {@link #rateLimited} on a 429, {@link #remaining} when a response carries {@code RateLimit-Remaining},
 * {@link #pause} when another answer carried a Retry-After.
 */
public interface ActiveCampaignRateLimiter {

    /**
     * Waits for the next request slot, unless that slot is further away than {@code maxWait}: then returns false
     * at once, without taking a slot.
     */
    boolean acquire(Duration maxWait) throws InterruptedException;

    /**
     * {@link #acquire(Duration)} for a request of this operation (e.g. {@code contacts/list}): a limiter that follows
     * how the service answers each operation can use it. By default the operation is not needed.
     */
    default boolean acquire(String operation, Duration maxWait) throws InterruptedException {
        return acquire(maxWait);
    }

    /** The service asked everyone to wait (Retry-After): no request is let through before it passed. */
    void pause(Duration wait);

    /**
     * The requests per second this limiter lets through; consumers take their share of the account's budget
     * from it. {@link Double#POSITIVE_INFINITY} when it does not pace requests.
     */
    double permitsPerSecond();

    /**
     * The request that took this thread's last slot got its answer, or failed: the service has counted it by now,
     * if it ever will. By default ignored.
     */
    default void answered() {
        // a limiter that paces by the clock alone does not need to know
    }

    /**
     * The service refused a request because the account was over its limit (HTTP 429) and asked to wait
     * {@code retryAfter}: the limiter pauses, and may also slow down, as its pace proved too fast for the service.
     * By default it pauses.
     */
    default void rateLimited(Duration retryAfter) {
        pause(retryAfter);
    }

    /**
     * The service's own count of what is left of the account's budget, from a response's
     * {@code RateLimit-Remaining}. By default ignored.
     */
    default void remaining(long remaining) {
        // the limiter's own pace is enough unless it can use the service's count
    }
}
