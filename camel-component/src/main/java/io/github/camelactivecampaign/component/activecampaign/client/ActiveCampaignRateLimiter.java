// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.time.Duration;

/**
 * The request budget of one ActiveCampaign account, shared by every endpoint that calls it. Implement it to share
 * the budget across JVMs (Redis, a database) and bind it as the component's {@code rateLimiter}.
 */
public interface ActiveCampaignRateLimiter {

    /**
     * Waits for the next request slot, unless that slot is further away than {@code maxWait}: then returns false
     * at once, without taking a slot.
     */
    boolean acquire(Duration maxWait) throws InterruptedException;

    /** The service asked everyone to wait (429 with Retry-After): no request is let through before it passed. */
    void pause(Duration wait);

    /**
     * The requests per second this limiter lets through; consumers take their share of the account's budget
     * from it.
     */
    double permitsPerSecond();
}
