// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user group (permission set). Fields the model does not name stay in {@link #getOther()}.
 */
public class Group extends ActiveCampaignRecord {

    private static final long serialVersionUID = 1L;

    private String title;
    private String descript;
    @JsonProperty("pg_message_add")
    private String pgMessageAdd;
    private String unsubscribelink;
    private String optinconfirm;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescript() {
        return descript;
    }

    public void setDescript(String descript) {
        this.descript = descript;
    }

    public String getPgMessageAdd() {
        return pgMessageAdd;
    }

    public void setPgMessageAdd(String pgMessageAdd) {
        this.pgMessageAdd = pgMessageAdd;
    }

    public String getUnsubscribelink() {
        return unsubscribelink;
    }

    public void setUnsubscribelink(String unsubscribelink) {
        this.unsubscribelink = unsubscribelink;
    }

    public String getOptinconfirm() {
        return optinconfirm;
    }

    public void setOptinconfirm(String optinconfirm) {
        this.optinconfirm = optinconfirm;
    }
}
