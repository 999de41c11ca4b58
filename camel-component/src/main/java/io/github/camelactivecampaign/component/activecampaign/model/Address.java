// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A postal address of the account. Fields the model does not name stay in {@link #getOther()}.
 */
public class Address extends ActiveCampaignRecord {

    private static final long serialVersionUID = 1L;

    @JsonProperty("company_name")
    private String companyName;
    private String address1;
    private String address2;
    private String city;
    private String state;
    private String district;
    private String zip;
    private String country;
    private String allgroup;
    @JsonProperty("is_default")
    private String isDefault;

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getAddress1() {
        return address1;
    }

    public void setAddress1(String address1) {
        this.address1 = address1;
    }

    public String getAddress2() {
        return address2;
    }

    public void setAddress2(String address2) {
        this.address2 = address2;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getZip() {
        return zip;
    }

    public void setZip(String zip) {
        this.zip = zip;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getAllgroup() {
        return allgroup;
    }

    public void setAllgroup(String allgroup) {
        this.allgroup = allgroup;
    }

    public String getIsDefault() {
        return isDefault;
    }

    public void setIsDefault(String isDefault) {
        this.isDefault = isDefault;
    }
}
