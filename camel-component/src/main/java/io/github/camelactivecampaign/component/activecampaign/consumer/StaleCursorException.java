// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

/**
 * A consumer tried to store a cursor behind the one another consumer of the same feed stored meanwhile, typically
 * a leader that lost its leadership while a new one took over. The stored cursor stays; the consumer reads it
 * again at its next poll.
 */
public class StaleCursorException extends IllegalStateException {

    public StaleCursorException(String message) {
        super(message);
    }
}
