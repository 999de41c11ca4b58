// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How an endpoint's requests are sent: retries, time budgets and the largest response read.
 *
 * @param maxAttempts        attempts in all, the first included
 * @param initialBackoff     the wait before the first retry; doubled for each further one, with jitter
 * @param maxBackoff         the longest backoff between two attempts
 * @param callTimeout        the whole budget of a call, retries and waits included
 * @param maxRetryAfter      the longest Retry-After honoured
 * @param maxRateLimitWait   the longest a request waits for the account's rate limiter before failing
 * @param retryNonIdempotent retry POST and PATCH also after they may have reached the service (the user's opt-in)
 * @param maxResponseSize    the largest response body read, in bytes
 * @param responseTimeout    how long one attempt waits for response data
 */
public record ActiveCampaignRequestPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                          Duration callTimeout, Duration maxRetryAfter, Duration maxRateLimitWait,
                                          boolean retryNonIdempotent, long maxResponseSize, Duration responseTimeout) {

    /** The backoff before retry number {@code retry} (1 for the first), with equal jitter: half fixed, half random. */
    public Duration backoff(int retry) {
        long base = initialBackoff.toMillis() << Math.min(20, Math.max(0, retry - 1));
        long capped = Math.min(base, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }
}
