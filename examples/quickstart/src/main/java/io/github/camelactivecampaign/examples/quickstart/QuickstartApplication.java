// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.main.Main;

/**
 * Runs the quickstart routes on camel-main: against the account named by ACTIVECAMPAIGN_API_URL and
 * ACTIVECAMPAIGN_API_TOKEN when they are set, otherwise against a local stub it starts itself.
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
        String url = env.get("ACTIVECAMPAIGN_API_URL");
        String token = env.get("ACTIVECAMPAIGN_API_TOKEN");
        LocalStub stub = null;
        String target;
        if (url == null || token == null) {
            stub = LocalStub.start();
            url = stub.baseUrl();
            token = LocalStub.TOKEN;
            target = "local stub at " + url + " (set ACTIVECAMPAIGN_API_URL and ACTIVECAMPAIGN_API_TOKEN "
                     + "to use your account)";
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
        boolean trackEvents = stub != null || env.get("ACTIVECAMPAIGN_TRACKING_ACCOUNT_ID") != null;
        if (stub != null) {
            main.addInitialProperty("camel.component.activecampaign.trackingUrl", stub.trackingUrl());
            main.addInitialProperty("camel.component.activecampaign.trackingAccountId", "1");
            main.addInitialProperty("camel.component.activecampaign.trackingKey", "local-stub-key");
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
            if (stub != null) {
                stub.close();
            }
        }
        return summary;
    }
}
