// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.model;

/**
 * One site or event tracking log entry of a contact. Fields the model does not name stay in {@link #getOther()}.
 */
public class TrackingLog extends ActiveCampaignRecord {

    private static final long serialVersionUID = 1L;

    private String subscriberid;
    private String contact;
    private String type;
    private String hash;
    private String value;
    private String tstamp;
    private String virtualid;

    public String getSubscriberid() {
        return subscriberid;
    }

    public void setSubscriberid(String subscriberid) {
        this.subscriberid = subscriberid;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getTstamp() {
        return tstamp;
    }

    public void setTstamp(String tstamp) {
        this.tstamp = tstamp;
    }

    public String getVirtualid() {
        return virtualid;
    }

    public void setVirtualid(String virtualid) {
        this.virtualid = virtualid;
    }
}
