// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.model;

/**
 * A note on a contact, deal or account. Fields the model does not name stay in {@link #getOther()}.
 */
public class Note extends ActiveCampaignRecord {

    private static final long serialVersionUID = 1L;

    private String note;
    private String relid;
    private String reltype;
    private String userid;
    private String cdate;
    private String mdate;

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getRelid() {
        return relid;
    }

    public void setRelid(String relid) {
        this.relid = relid;
    }

    public String getReltype() {
        return reltype;
    }

    public void setReltype(String reltype) {
        this.reltype = reltype;
    }

    public String getUserid() {
        return userid;
    }

    public void setUserid(String userid) {
        this.userid = userid;
    }

    public String getCdate() {
        return cdate;
    }

    public void setCdate(String cdate) {
        this.cdate = cdate;
    }

    public String getMdate() {
        return mdate;
    }

    public void setMdate(String mdate) {
        this.mdate = mdate;
    }
}
