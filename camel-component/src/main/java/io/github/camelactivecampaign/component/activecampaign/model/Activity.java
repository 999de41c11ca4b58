// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a contact's activity stream. Fields the model does not name stay in {@link #getOther()}.
 */
public class Activity extends ActiveCampaignRecord {

    private static final long serialVersionUID = 1L;

    private String contact;
    private String subscriberid;
    @JsonProperty("reference_type")
    private String referenceType;
    @JsonProperty("reference_id")
    private String referenceId;
    @JsonProperty("reference_action")
    private String referenceAction;
    private String tstamp;
    private String userid;

    /**
     * The contact the activity is about. The service names it {@code subscriberid}; {@code contact} is read too, for
     * records that carry it.
     */
    public String getContact() {
        return contact != null ? contact : subscriberid;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getSubscriberid() {
        return subscriberid;
    }

    public void setSubscriberid(String subscriberid) {
        this.subscriberid = subscriberid;
    }

    public String getReferenceType() {
        return referenceType;
    }

    public void setReferenceType(String referenceType) {
        this.referenceType = referenceType;
    }

    public String getReferenceId() {
        return referenceId;
    }

    public void setReferenceId(String referenceId) {
        this.referenceId = referenceId;
    }

    public String getReferenceAction() {
        return referenceAction;
    }

    public void setReferenceAction(String referenceAction) {
        this.referenceAction = referenceAction;
    }

    public String getTstamp() {
        return tstamp;
    }

    public void setTstamp(String tstamp) {
        this.tstamp = tstamp;
    }

    public String getUserid() {
        return userid;
    }

    public void setUserid(String userid) {
        this.userid = userid;
    }
}
