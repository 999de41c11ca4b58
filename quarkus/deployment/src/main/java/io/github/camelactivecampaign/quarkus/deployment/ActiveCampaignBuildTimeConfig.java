// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the Camel ActiveCampaign extension.
 */
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
@ConfigMapping(prefix = "quarkus.camel.activecampaign")
public interface ActiveCampaignBuildTimeConfig {

    /**
     * The Dev Service.
     */
    DevServices devservices();

    interface DevServices {

        /**
         * Whether dev and test mode start the embedded ActiveCampaign simulator and point the component at it when
         * no camel.component.activecampaign.base-url is configured.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
