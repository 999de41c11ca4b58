// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Percent-encoding of path segments and query parts: unreserved characters stay, everything else is encoded, and a
 * value with nothing to encode (the common id) comes back as it is.
 */
class RequestEncodingTest {

    @Test
    void onlyUnreservedCharactersStay() {
        assertThat(ActiveCampaignRequest.encode("12345")).isEqualTo("12345");
        assertThat(ActiveCampaignRequest.encode("a-Z_0.9~")).isEqualTo("a-Z_0.9~");
        assertThat(ActiveCampaignRequest.encode("1/../../users")).isEqualTo("1%2F..%2F..%2Fusers");
        assertThat(ActiveCampaignRequest.encode("a b*c+d")).isEqualTo("a%20b%2Ac%2Bd");
        assertThat(ActiveCampaignRequest.encode("filters[name]")).isEqualTo("filters%5Bname%5D");
        assertThat(ActiveCampaignRequest.encode("café")).isEqualTo("caf%C3%A9");
        assertThat(ActiveCampaignRequest.encode("")).isEmpty();
    }

    @Test
    void theQueryIsSentInOrderAndEncoded() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("filters[email]", List.of("a+b@x.io"));
        query.put("ids", List.of("1", "2"));
        ActiveCampaignRequest request = new ActiveCampaignRequest("contacts/list", "GET", "/contacts", query, null,
                null);
        assertThat(request.pathAndQuery()).isEqualTo("/contacts?filters%5Bemail%5D=a%2Bb%40x.io&ids=1&ids=2");
        assertThat(new ActiveCampaignRequest("contacts/get", "GET", "/contacts/1", Map.of(), null, null)
                .pathAndQuery()).isEqualTo("/contacts/1");
    }
}
