// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.simulator;

import java.time.Duration;

/**
 * Something to go wrong with the next API requests: an error status, a user's missing permission, a delay before
 * answering, or a connection dropped without an answer.
 */
public final class Fault {

    private final int status;
    private final Integer retryAfterSeconds;
    private final Duration delay;
    private final boolean dropConnection;
    private final String permission;

    private Fault(int status, Integer retryAfterSeconds, Duration delay, boolean dropConnection, String permission) {
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
        this.dropConnection = dropConnection;
        this.permission = permission;
    }

    /** Answer with this status (and a {"message": ...} body) instead of serving the request. */
    public static Fault status(int status) {
        return new Fault(status, null, Duration.ZERO, false, null);
    }

    /**
     * Answer 403 as the service does for a user without a permission:
     * {@code {"errors": [{"status": 403, "title": "Forbidden", "detail": "You do not have permission to view
     * lists."}]}} for {@code forbidden("view lists")}.
     */
    public static Fault forbidden(String permission) {
        return new Fault(403, null, Duration.ZERO, false, permission);
    }

    /** Wait this long, then serve the request normally. */
    public static Fault delay(Duration delay) {
        return new Fault(0, null, delay, false, null);
    }

    /** Close the connection without answering. The request is not processed. */
    public static Fault dropConnection() {
        return new Fault(0, null, Duration.ZERO, true, null);
    }

    /** With a Retry-After header of this many seconds (for 429 and 503). */
    public Fault withRetryAfter(int seconds) {
        return new Fault(status, seconds, delay, dropConnection, permission);
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

    /** The permission the user lacks, for a permission 403; else null. */
    String permission() {
        return permission;
    }

    @Override
    public String toString() {
        if (dropConnection) {
            return "drop connection";
        }
        if (permission != null) {
            return "forbidden: " + permission;
        }
        return status > 0 ? "status " + status : "delay " + delay;
    }
}
