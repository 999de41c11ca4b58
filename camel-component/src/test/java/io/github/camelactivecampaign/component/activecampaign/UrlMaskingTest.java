// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A URL quoted in a message shows nothing of what stands before an @: it may be a password.
 */
class UrlMaskingTest {

    @Test
    void userInfoIsMasked() {
        assertThat(ActiveCampaignEndpoint.withoutUserInfo("https://admin:pw@host/api/3"))
                .isEqualTo("https://xxxxxx@host/api/3");
        assertThat(ActiveCampaignEndpoint.withoutUserInfo("https://a:b@c@host/api/3"))
                .isEqualTo("https://xxxxxx@host/api/3");
    }

    @Test
    void withoutASchemeEverythingBeforeTheAtIsMasked() {
        assertThat(ActiveCampaignEndpoint.withoutUserInfo("admin:pw@host/api/3")).isEqualTo("xxxxxx@host/api/3");
        assertThat(ActiveCampaignEndpoint.withoutUserInfo("pw@host://x")).as("a :// after the @ is no scheme")
                .isEqualTo("xxxxxx@host://x");
        assertThat(ActiveCampaignEndpoint.withoutUserInfo("@host")).isEqualTo("xxxxxx@host");
    }

    @Test
    void urlWithoutAnAtIsShownAsItIs() {
        assertThat(ActiveCampaignEndpoint.withoutUserInfo("https://host/api/3")).isEqualTo("https://host/api/3");
    }
}
