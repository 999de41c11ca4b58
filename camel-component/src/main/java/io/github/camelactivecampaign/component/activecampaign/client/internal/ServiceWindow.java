// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The account's requests as the service counts them: at most {@code size} within any {@code window} (5 in any one
 * second for ActiveCampaign). A request is counted somewhere between being sent and being answered; a request
 * whose answer took longer than the operation's quickest answer may have been counted that much later than it was
 * sent (a queue before the service's counter, a slow network hop). So each answered request counts from
 * {@code max(sent, answered - quickest latency)} (from its answer while the operation has too few answers to know
 * its quickest), an unanswered one is taken as being counted right now, and a new request is let
 * through only when fewer than {@code size} of them lie within the window (plus {@link #SLACK_NANOS}).
 * <p>
 * Pacing alone (a token every 1/rate seconds) cannot see a request the service counted late; the window waits for
 * it, so a delay on the way to the service costs a few milliseconds instead of a 429 and a pause of a second.
 * It knows this JVM's requests only; a bucket shared by several JVMs paces them all.
 */
final class ServiceWindow {

    /** The most requests tracked at once; a higher rate is tracked over a proportionally shorter window. */
    static final int MAX_SIZE = 64;
    /** An unanswered request older than this no longer holds a place in the window. */
    private static final long FORGET_UNANSWERED_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** Answers of an operation needed before its quickest latency is trusted. */
    private static final int KNOWN_AFTER = 8;
    /**
     * Added to the window: the estimate of when the service counted a request is good to a few milliseconds (the
     * quickest answer's own way to the counter is unknown). 5 ms a second is what {@link BucketRateLimiter}'s
     * default margin spaces requests by anyway.
     */
    static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** A request let through: when it left and, once answered, when the service counted it at the latest. */
    static final class Request {
        final long sent;
        final String operation;
        long counted = Long.MAX_VALUE;

        Request(long sent, String operation) {
            this.sent = sent;
            this.operation = operation;
        }

        boolean answered() {
            return counted != Long.MAX_VALUE;
        }
    }

    private final int size;
    private final long windowNanos;
    private final List<Request> inWindow = new ArrayList<>();
    private final Map<String, Latencies> latencies = new HashMap<>();

    private final LongSupplier clock;

    /** @param clock System.nanoTime, or a test's clock */
    ServiceWindow(double permitsPerSecond, LongSupplier clock) {
        this.clock = clock;
        this.size = (int) Math.max(1, Math.min(MAX_SIZE, Math.floor(permitsPerSecond)));
        this.windowNanos = Math.round(TimeUnit.SECONDS.toNanos(1) * size / permitsPerSecond) + SLACK_NANOS;
    }

    /**
     * Waits until the service's window has room for one more request of this operation and lets it through; null
     * when that would take longer than {@code maxWaitNanos}.
     */
    synchronized Request admit(String operation, long maxWaitNanos) throws InterruptedException {
        long deadline = clock.getAsLong() + maxWaitNanos;
        while (true) {
            long now = clock.getAsLong();
            long freeAt = Long.MAX_VALUE;
            boolean pending = false;
            for (int i = inWindow.size() - 1; i >= 0; i--) {
                Request request = inWindow.get(i);
                if (!request.answered()) {
                    // a request never reported answered (its caller died) stops counting after a while
                    if (now - request.sent > FORGET_UNANSWERED_NANOS) {
                        inWindow.remove(i);
                    }
                    pending = true;
                } else if (request.counted + windowNanos - now <= 0) {
                    inWindow.remove(i);
                } else {
                    freeAt = Math.min(freeAt, request.counted + windowNanos);
                }
            }
            int counting = inWindow.size();
            if (counting < size) {
                Request request = new Request(now, operation);
                inWindow.add(request);
                return request;
            }
            // full: wait for the first counted request to leave the window, or for an answer to come
            if (deadline - now <= 0 || !pending && freeAt - deadline > 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, Math.min(freeAt, deadline) - now));
        }
    }

    /** The request got its answer, or failed: by now the service has counted it, if it ever will. */
    synchronized void answered(Request request) {
        if (request.answered()) {
            return;
        }
        long now = clock.getAsLong();
        long quickest = latencies.computeIfAbsent(String.valueOf(request.operation), k -> new Latencies())
                .add(now - request.sent);
        request.counted = Math.max(request.sent, now - quickest);
        notifyAll();
    }

    /** How quickly an operation was ever answered. */
    private static final class Latencies {
        private long quickest = Long.MAX_VALUE;
        private int count;

        /**
         * Adds a latency; answers the quickest so far, or 0 while too few are known to tell. The quickest answer is
         * made of the shortest way to the counter, the least work and the shortest way back: whatever an answer
         * took beyond it may have been spent before the counter. (A usual answer, such as the median, would take
         * a request whose work was quick but whose way to the counter was slow for an on-time one: measured, that
         * let a 429 through.)
         */
        long add(long latency) {
            quickest = Math.min(quickest, latency);
            count = Math.min(KNOWN_AFTER, count + 1);
            return count < KNOWN_AFTER ? 0 : quickest;
        }
    }

    int size() {
        return size;
    }

    long windowNanos() {
        return windowNanos;
    }
}
