// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.time.Duration;

/**
 * The account's "no request before" moment, kept in the same store as its bucket, so that a 429 seen by one replica
 * pauses all of them. Timed by the store's own clock, so that replicas with drifting clocks agree.
 */
interface SharedPause {

    /** How long the account is still paused; zero when it is not. */
    Duration remaining();

    /** Pauses the account for at least {@code wait} from now; a longer pause already set stays. */
    void extend(Duration wait);
}
