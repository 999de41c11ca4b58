// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.io.Closeable;

/**
 * Sends requests to one ActiveCampaign host (an account's API, or the event-tracking host) and answers with what
 * the service finally said, after the rate limit and the retries the policy allows.
 * <p>
 * The component creates one Apache HttpClient 5 based client per account. Bind your own (the {@code client} option
 * of the component or an endpoint) to send the requests another way, e.g. in tests, through a gateway, or with a
 * recorded conversation.
 */
public interface ActiveCampaignClient extends Closeable {

    /**
     * Sends the request and returns the final response, whatever its status; the caller turns a failure status into
     * an error.
     *
     * @throws ActiveCampaignTransportException when no response arrived (unreachable, timed out, too large,
     *                                          interrupted) or the rate limiter refused to wait that long
     */
    ActiveCampaignResponse execute(ActiveCampaignRequest request, ActiveCampaignRequestPolicy policy);

    /** The base URL the requests' paths are appended to, e.g. {@code https://youraccount.api-us1.com/api/3}. */
    String getBaseUrl();
}
