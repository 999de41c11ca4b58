// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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

    /** Waits this long for the activities of the run to be polled before printing the summary. */
    static final Duration ACTIVITY_WAIT = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        boolean forever = Arrays.asList(args).contains("--forever");
        QuickstartSummary summary = run(System.getenv(), null, forever);
        if (summary.done().getCount() > 0) {
            System.exit(1);
        }
    }

    /** Runs the routes to the end and prints the summary. */
    public static QuickstartSummary run(Map<String, String> env) throws Exception {
        return run(env, null, false);
    }

    /**
     * Runs against the given simulator when no account is configured (tests pass theirs to inspect it). With
     * forever, the consumer keeps polling after the summary until the process is stopped.
     */
    static QuickstartSummary run(Map<String, String> env, ActiveCampaignSimulator given, boolean forever)
            throws Exception {
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
            main.addInitialProperty("camel.component.activecampaign.trackingSecret", simulator.trackingKey());
        } else if (trackEvents) {
            main.addInitialProperty("camel.component.activecampaign.trackingAccountId",
                    env.get("ACTIVECAMPAIGN_TRACKING_ACCOUNT_ID"));
            main.addInitialProperty("camel.component.activecampaign.trackingSecret",
                    env.get("ACTIVECAMPAIGN_TRACKING_KEY"));
        }
        String startedAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        main.configure().addRoutesBuilder(new QuickstartRoutes(summary, trackEvents, startedAt));
        try {
            main.start();
            if (!summary.done().await(2, TimeUnit.MINUTES)) {
                System.out.println("The quickstart did not finish within 2 minutes");
            }
            long deadline = System.nanoTime() + ACTIVITY_WAIT.toNanos();
            while (summary.activities() < summary.expectedActivities() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            System.out.println(summary.render(target));
            if (forever) {
                System.out.println("--forever: the activities consumer keeps polling; stop with Ctrl+C");
                main.run();
            }
        } finally {
            main.stop();
            if (ownSimulator) {
                simulator.close();
            }
        }
        return summary;
    }
}
