// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

/**
 * deal_add, deal_update, deal_note_add, deal_stage_add, deal_task_add, ...: something happened to a deal.
 */
public class DealWebhookEvent extends WebhookEvent {

    private static final long serialVersionUID = 1L;

    private WebhookDeal deal;

    /** The deal, or null for events about a pipeline, stage or task type. */
    public WebhookDeal getDeal() {
        return deal;
    }

    public void setDeal(WebhookDeal deal) {
        this.deal = deal;
    }
}
