// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.net.URI;

/**
 * A request ready to send.
 *
 * @param operation   the operation name, for errors
 * @param method      the HTTP method
 * @param uri         the full URI
 * @param body        the request body, or null
 * @param contentType the content type of the body
 * @param api         true for the account's API (Api-Token header, rate limited); false for the tracking host
 */
public record ActiveCampaignRequest(String operation, String method, URI uri, String body, String contentType,
                                    boolean api) {
}
