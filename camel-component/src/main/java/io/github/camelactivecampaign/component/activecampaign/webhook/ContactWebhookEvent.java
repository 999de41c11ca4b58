// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

/**
 * subscribe, unsubscribe, update, contact_tag_added, contact_tag_removed, subscriber_note: something happened to a
 * contact.
 */
public class ContactWebhookEvent extends WebhookEvent {

    private static final long serialVersionUID = 1L;

    private String tag;
    private String note;

    /** The tag added or removed (contact_tag_added, contact_tag_removed). */
    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    /** The note added (subscriber_note). */
    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
