// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConfiguration;

/**
 * Creates the endpoint camel-webhook can drive. A class of its own, loaded only once camel-webhook was found on the
 * classpath: the endpoint implements camel-webhook's interface and cannot be loaded without it.
 */
final class WebhookCapableEndpoints {

    private WebhookCapableEndpoints() {
    }

    static ActiveCampaignWebhookEndpoint create(String uri, ActiveCampaignComponent component,
                                                ActiveCampaignConfiguration configuration) {
        return new ActiveCampaignWebhookCapableEndpoint(uri, component, configuration);
    }
}
