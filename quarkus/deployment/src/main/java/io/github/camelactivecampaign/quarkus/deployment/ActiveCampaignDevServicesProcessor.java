// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.quarkus.deployment;

import java.util.Map;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem.RunningDevService;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The Dev Service: in dev and test mode, without a configured base URL, the embedded ActiveCampaign simulator starts
 * and the component is pointed at it, as Quarkus Dev Services do for databases.
 */
class ActiveCampaignDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(ActiveCampaignDevServicesProcessor.class);
    static final String PREFIX = "camel.component.activecampaign.";

    /** Kept across live reloads; closed when the application shuts down. */
    private static volatile RunningDevService devService;

    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
    DevServicesResultBuildItem startSimulator(ActiveCampaignBuildTimeConfig config,
                                              CuratedApplicationShutdownBuildItem shutdown) {
        if (devService != null) {
            return devService.toBuildItem();
        }
        if (!config.devservices().enabled() || accountConfigured()) {
            return null;
        }
        ActiveCampaignSimulator simulator = ActiveCampaignSimulator.start();
        devService = new RunningDevService(ActiveCampaignProcessor.FEATURE, null, simulator::close, Map.of(
                PREFIX + "base-url", simulator.baseUrl(),
                PREFIX + "api-key", simulator.token(),
                PREFIX + "tracking-url", simulator.trackingUrl(),
                PREFIX + "tracking-account-id", simulator.trackingAccountId(),
                PREFIX + "tracking-secret", simulator.trackingKey()));
        shutdown.addCloseTask(() -> {
            RunningDevService running = devService;
            devService = null;
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    LOG.debugf("Stopping the ActiveCampaign simulator failed: %s", e.getMessage());
                }
            }
        }, true);
        LOG.infof("Dev Services for ActiveCampaign started the embedded simulator at %s: the activecampaign component "
                  + "uses it (set camel.component.activecampaign.base-url to use an account, or "
                  + "quarkus.camel.activecampaign.devservices.enabled=false)", simulator.baseUrl());
        return devService.toBuildItem();
    }

    private static boolean accountConfigured() {
        var config = ConfigProvider.getConfig();
        return config.getOptionalValue(PREFIX + "base-url", String.class).filter(v -> !v.isBlank()).isPresent()
               || config.getOptionalValue(PREFIX + "baseUrl", String.class).filter(v -> !v.isBlank()).isPresent();
    }
}
