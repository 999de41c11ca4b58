// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;

/**
 * Something to go wrong with the next API requests: an error status, a delay before answering, or a connection
 * dropped without an answer.
 */
public final class Fault {

    private final int status;
    private final Integer retryAfterSeconds;
    private final Duration delay;
    private final boolean dropConnection;

    private Fault(int status, Integer retryAfterSeconds, Duration delay, boolean dropConnection) {
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
        this.dropConnection = dropConnection;
    }

    /** Answer with this status (and a {"message": ...} body) instead of serving the request. */
    public static Fault status(int status) {
        return new Fault(status, null, Duration.ZERO, false);
    }

    /** Wait this long, then serve the request normally. */
    public static Fault delay(Duration delay) {
        return new Fault(0, null, delay, false);
    }

    /** Close the connection without answering. The request is not processed. */
    public static Fault dropConnection() {
        return new Fault(0, null, Duration.ZERO, true);
    }

    /** With a Retry-After header of this many seconds (for 429 and 503). */
    public Fault withRetryAfter(int seconds) {
        return new Fault(status, seconds, delay, dropConnection);
    }

    int status() {
        return status;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Duration delay() {
        return delay;
    }

    boolean dropsConnection() {
        return dropConnection;
    }

    @Override
    public String toString() {
        return dropConnection ? "drop connection" : status > 0 ? "status " + status : "delay " + delay;
    }
}
