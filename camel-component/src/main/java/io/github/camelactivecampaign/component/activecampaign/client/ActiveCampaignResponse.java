// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.util.Map;

/**
 * A response as received: status, reason, body text and the headers the component passes on.
 */
public record ActiveCampaignResponse(int status, String reason, String body, String contentType,
                                     Map<String, String> headers) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A header the component passes on, by name in any case; null when the response did not carry it. */
    public String header(String name) {
        return headers.isEmpty() ? null : headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
