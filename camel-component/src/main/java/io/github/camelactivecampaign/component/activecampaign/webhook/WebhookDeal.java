// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The deal of a webhook delivery ({@code deal[...]} fields).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class WebhookDeal implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String title;
    @JsonProperty("create_date")
    private String createDate;
    @JsonProperty("stageid")
    private String stageId;
    @JsonProperty("pipelineid")
    private String pipelineId;
    private String value;
    private String currency;
    private String owner;
    private String status;
    @JsonProperty("contactid")
    private String contactId;
    private String note;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCreateDate() {
        return createDate;
    }

    public void setCreateDate(String createDate) {
        this.createDate = createDate;
    }

    public String getStageId() {
        return stageId;
    }

    public void setStageId(String stageId) {
        this.stageId = stageId;
    }

    public String getPipelineId() {
        return pipelineId;
    }

    public void setPipelineId(String pipelineId) {
        this.pipelineId = pipelineId;
    }

    /** The value in cents, as text. */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    /** 0 open, 1 won, 2 lost. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    /** The note of a deal_note_add. */
    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
