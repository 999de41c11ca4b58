// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

/**
 * No response arrived for a request, or the request was not sent. The message says what happened and what to do,
 * and never holds a secret; the component turns it into an {@code ActiveCampaignException}.
 */
public class ActiveCampaignTransportException extends RuntimeException {

    /** Why no response arrived. */
    public enum Reason {
        /** The connection could not be made or broke. */
        UNREACHABLE,
        /** No response within the response timeout. */
        TIMEOUT,
        /** The response was larger than maxResponseSize. */
        TOO_LARGE,
        /** The thread was interrupted while waiting. */
        INTERRUPTED,
        /** The account's rate limiter would have made the request wait longer than allowed: it was not sent. */
        RATE_LIMITED
    }

    private final String operation;
    private final Reason reason;

    public ActiveCampaignTransportException(String message, String operation, Reason reason, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.reason = reason;
    }

    public String getOperation() {
        return operation;
    }

    public Reason getReason() {
        return reason;
    }
}
