// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

/**
 * A request was not sent because it would have waited longer than maxRateLimitWait for the account's rate
 * limiter: the account's budget is taken by other requests.
 */
public class ActiveCampaignRateLimitException extends ActiveCampaignException {

    public ActiveCampaignRateLimitException(String message, String operation) {
        super(message, operation, 0, null, null, null);
    }
}
