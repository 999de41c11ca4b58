// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.util.Map;

/**
 * sent, open, click, forward, share, reply, bounce: a contact and a campaign.
 */
public class CampaignWebhookEvent extends WebhookEvent {

    private static final long serialVersionUID = 1L;

    private Map<String, Object> campaign;
    private Map<String, Object> link;

    /** The campaign's fields ({@code campaign[...]}), or null. */
    public Map<String, Object> getCampaign() {
        return campaign;
    }

    public void setCampaign(Map<String, Object> campaign) {
        this.campaign = campaign;
    }

    /** The link clicked ({@code link[...]}, click only), or null. */
    public Map<String, Object> getLink() {
        return link;
    }

    public void setLink(Map<String, Object> link) {
        this.link = link;
    }
}
