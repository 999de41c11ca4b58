// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.model;

/**
 * A subscription form. Fields the model does not name stay in {@link #getOther()}.
 */
public class Form extends ActiveCampaignRecord {

    private static final long serialVersionUID = 1L;

    private String name;
    private String action;
    private String actiondata;
    private String submit;
    private String url;
    private String cdate;
    private String udate;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getActiondata() {
        return actiondata;
    }

    public void setActiondata(String actiondata) {
        this.actiondata = actiondata;
    }

    public String getSubmit() {
        return submit;
    }

    public void setSubmit(String submit) {
        this.submit = submit;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getCdate() {
        return cdate;
    }

    public void setCdate(String cdate) {
        this.cdate = cdate;
    }

    public String getUdate() {
        return udate;
    }

    public void setUdate(String udate) {
        this.udate = udate;
    }
}
