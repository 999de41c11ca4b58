// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What every ActiveCampaign record has: an id (a string or a number on the wire, a string here) and the fields this
 * model does not name, kept in {@link #getOther()} so that nothing the service sends is lost.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ActiveCampaignRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private final Map<String, Object> other = new LinkedHashMap<>();

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @JsonAnyGetter
    public Map<String, Object> getOther() {
        return other;
    }

    @JsonAnySetter
    public void setOther(String name, Object value) {
        other.put(name, value);
    }
}
