// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.main.Main;

/**
 * Runs the quickstart routes on camel-main: against the account named by ACTIVECAMPAIGN_API_URL and
 * ACTIVECAMPAIGN_API_TOKEN when they are set, otherwise against the embedded simulator.
 */
public final class QuickstartApplication {

    private QuickstartApplication() {
    }

    public static void main(String[] args) throws Exception {
        QuickstartSummary summary = run(System.getenv());
        if (summary.done().getCount() > 0) {
            System.exit(1);
        }
    }

    /** Runs the routes to the end and prints the summary. */
    public static QuickstartSummary run(Map<String, String> env) throws Exception {
        return run(env, null);
    }

    /** Runs against the given simulator when no account is configured (tests pass theirs to inspect it). */
    static QuickstartSummary run(Map<String, String> env, ActiveCampaignSimulator given) throws Exception {
        String url = env.get("ACTIVECAMPAIGN_API_URL");
        String token = env.get("ACTIVECAMPAIGN_API_TOKEN");
        ActiveCampaignSimulator simulator = null;
        boolean ownSimulator = false;
        String target;
        if (url == null || token == null) {
            simulator = given != null ? given : ActiveCampaignSimulator.start();
            ownSimulator = given == null;
            url = simulator.baseUrl();
            token = simulator.token();
            target = "embedded ActiveCampaign simulator at " + url + " (set ACTIVECAMPAIGN_API_URL and "
                     + "ACTIVECAMPAIGN_API_TOKEN to use your account)";
        } else {
            target = "account " + url;
        }
        System.out.println("Running the quickstart against the " + target);
        QuickstartSummary summary = new QuickstartSummary();
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "activecampaign-quickstart");
        main.addInitialProperty("camel.component.activecampaign.baseUrl", url);
        // a placeholder, so the secret is not a plain-text option value
        main.addInitialProperty("quickstart.token", token);
        main.addInitialProperty("camel.component.activecampaign.apiKey", "{{quickstart.token}}");
        boolean trackEvents = simulator != null || env.get("ACTIVECAMPAIGN_TRACKING_ACCOUNT_ID") != null;
        if (simulator != null) {
            main.addInitialProperty("camel.component.activecampaign.trackingUrl", simulator.trackingUrl());
            main.addInitialProperty("camel.component.activecampaign.trackingAccountId",
                    simulator.trackingAccountId());
            main.addInitialProperty("camel.component.activecampaign.trackingKey", simulator.trackingKey());
        } else if (trackEvents) {
            main.addInitialProperty("camel.component.activecampaign.trackingAccountId",
                    env.get("ACTIVECAMPAIGN_TRACKING_ACCOUNT_ID"));
            main.addInitialProperty("camel.component.activecampaign.trackingKey",
                    env.get("ACTIVECAMPAIGN_TRACKING_KEY"));
        }
        main.configure().addRoutesBuilder(new QuickstartRoutes(summary, trackEvents));
        try {
            main.start();
            if (!summary.done().await(2, TimeUnit.MINUTES)) {
                System.out.println("The quickstart did not finish within 2 minutes");
            }
            System.out.println(summary.render(target));
        } finally {
            main.stop();
            if (ownSimulator) {
                simulator.close();
            }
        }
        return summary;
    }
}
