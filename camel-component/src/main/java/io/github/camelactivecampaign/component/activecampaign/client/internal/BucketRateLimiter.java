// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;

/**
 * The account's budget as a Bucket4j bucket: one request at a time, one token every {@code margin / rate} seconds,
 * handed out in the order requests ask (a request reserves the next token and sleeps until it is due).
 * <p>
 * Why a bucket of one token: ActiveCampaign counts the requests that arrive within any one second (the simulator
 * does so with a sliding window). A bucket holding more than one token lets a burst through after a quiet moment,
 * and the burst plus the steady pace would put more than the limit into one second. One token, evenly spaced, is
 * the fastest pace such a count accepts; {@link #DEFAULT_MARGIN} widens it by the few milliseconds a second that
 * the service window also leaves, so that the two agree while answers come as quickly as usual.
 * <p>
 * Pacing is by the clock of this side; the service counts a request when it reaches it. The limiter therefore also
 * follows the account's requests as the service may have counted them ({@link ServiceWindow}): a request whose
 * answer was slow may have been counted late, and the request that would make it one too many in the service's
 * second waits for it to leave: milliseconds, where a 429 would pause the account for a second. The window knows
 * this JVM's requests; with a shared bucket it corrects each JVM's own.
 * <p>
 * The service's own signals correct it: a 429 widens the spacing by {@link #MARGIN_STEP} (up to
 * {@link #MAX_MARGIN}; the pace proved too fast for how the service sees it) and pauses the account for
 * Retry-After; {@code RateLimit-Remaining: 0} spends the token in hand, so the next request waits a whole
 * interval. Everything is kept in the bucket itself: a pause is a debt of tokens
 * ({@link Bucket#consumeIgnoringRateLimits}) and a wider spacing a new configuration, so a bucket from a
 * distributed Bucket4j {@code ProxyManager} ({@link #configuration}) shares both with every JVM that uses it.
 */
public final class BucketRateLimiter implements ActiveCampaignRateLimiter {

    /** The spacing over the exact limit: 0.5% (99.5% of the budget); the service window absorbs the rest. */
    public static final double DEFAULT_MARGIN = 1.005;
    /** How much each 429 widens the spacing. */
    static final double MARGIN_STEP = 0.01;
    /** The widest spacing the 429s can lead to. */
    static final double MAX_MARGIN = 1.10;

    private final Bucket bucket;
    private final double permitsPerSecond;
    /** The account's requests as the service counts them, or null for a limiter that paces only. */
    private final ServiceWindow window;
    /** The request this thread was let through for and has not reported answered yet. */
    private final ThreadLocal<ServiceWindow.Request> inFlight = new ThreadLocal<>();
    private volatile double margin;
    private volatile long intervalNanos;

    /**
     * @param bucket           a bucket configured with {@link #configuration}{@code (permitsPerSecond, margin)}: a
     *                         local one ({@link #local}) or a proxy of a bucket kept in a shared store
     * @param permitsPerSecond the account's limit
     * @param margin           the spacing the bucket was configured with
     */
    public BucketRateLimiter(Bucket bucket, double permitsPerSecond, double margin) {
        this(bucket, permitsPerSecond, margin, new ServiceWindow(checkedRate(permitsPerSecond), System::nanoTime));
    }

    /** With the window that follows the service's count, or null to pace only. */
    BucketRateLimiter(Bucket bucket, double permitsPerSecond, double margin, ServiceWindow window) {
        this.bucket = bucket;
        this.permitsPerSecond = checkedRate(permitsPerSecond);
        this.margin = margin;
        this.intervalNanos = intervalNanos(permitsPerSecond, margin);
        this.window = window;
    }

    /** The account's limiter on a bucket of this JVM, at the default margin. */
    public static BucketRateLimiter local(double permitsPerSecond) {
        return local(permitsPerSecond, DEFAULT_MARGIN);
    }

    /** The account's limiter on a bucket of this JVM. */
    public static BucketRateLimiter local(double permitsPerSecond, double margin) {
        return new BucketRateLimiter(localBucket(permitsPerSecond, margin), permitsPerSecond, margin);
    }

    /**
     * A share of the account's rate (a consumer's): paced only, as its requests still go through the account's
     * limiter, which follows the service.
     */
    public static BucketRateLimiter share(double permitsPerSecond) {
        return new BucketRateLimiter(localBucket(permitsPerSecond, DEFAULT_MARGIN), permitsPerSecond, DEFAULT_MARGIN,
                null);
    }

    private static Bucket localBucket(double permitsPerSecond, double margin) {
        BucketConfiguration configuration = configuration(permitsPerSecond, margin);
        return Bucket.builder().addLimit(configuration.getBandwidths()[0]).withNanosecondPrecision().build();
    }

    /**
     * The bucket of an account's budget: one token, refilled every {@code margin / permitsPerSecond} seconds. A
     * distributed {@code ProxyManager} builds the account's shared bucket from it.
     */
    public static BucketConfiguration configuration(double permitsPerSecond, double margin) {
        long interval = intervalNanos(checkedRate(permitsPerSecond), margin);
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(interval)))
                .build();
    }

    @Override
    public boolean acquire(Duration maxWait) throws InterruptedException {
        return acquire(null, maxWait);
    }

    @Override
    public boolean acquire(String operation, Duration maxWait) throws InterruptedException {
        long start = System.nanoTime();
        boolean paced = maxWait.isZero() || maxWait.isNegative() ? bucket.tryConsume(1)
                : bucket.asBlocking().tryConsume(1, maxWait);
        if (!paced || window == null) {
            return paced;
        }
        answered(); // a caller that did not report its previous request's answer: it has one by now
        // the window's wait counts against the same maxWait as the bucket's
        long left = maxWait.toNanos() - (System.nanoTime() - start);
        ServiceWindow.Request request = window.admit(operation, left);
        if (request == null) {
            return false;
        }
        inFlight.set(request);
        return true;
    }

    @Override
    public void answered() {
        ServiceWindow.Request request = inFlight.get();
        if (request != null) {
            inFlight.remove();
            window.answered(request);
        }
    }

    @Override
    public synchronized void pause(Duration wait) {
        long owed = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long more = wait.toNanos() - owed;
        if (more > 0) {
            // tokens the account owes: the next one is due only once they are paid back, however many replicas
            // share the bucket
            bucket.consumeIgnoringRateLimits((more + intervalNanos - 1) / intervalNanos);
        }
    }

    @Override
    public synchronized void rateLimited(Duration retryAfter) {
        double wider = Math.min(MAX_MARGIN, margin + MARGIN_STEP);
        if (wider > margin) {
            margin = wider;
            intervalNanos = intervalNanos(permitsPerSecond, wider);
            bucket.replaceConfiguration(configuration(permitsPerSecond, wider), TokensInheritanceStrategy.AS_IS);
        }
        pause(retryAfter);
    }

    @Override
    public void remaining(long remaining) {
        if (remaining <= 0) {
            // the service's window is full (other clients of the account count too): no request on credit
            bucket.tryConsumeAsMuchAsPossible();
        }
    }

    @Override
    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** The spacing in use, over the exact limit (1.0 would be exactly the limit). */
    public double margin() {
        return margin;
    }

    private static long intervalNanos(double permitsPerSecond, double margin) {
        if (!(margin >= 1) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("The rate limiter's margin must be 1 or more, was " + margin);
        }
        return Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) * margin / permitsPerSecond));
    }

    private static double checkedRate(double permitsPerSecond) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("rateLimit must be greater than 0 requests per second, was "
                                               + permitsPerSecond + "; to send without a rate limit (tests, a proxy "
                                               + "that enforces the limit itself, benchmarks) set "
                                               + "rateLimitEnabled=false");
        }
        return permitsPerSecond;
    }
}
