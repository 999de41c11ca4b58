// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the quickstart routes on camel-main: against the account named by ACTIVECAMPAIGN_API_URL and
 * ACTIVECAMPAIGN_API_TOKEN when they are set, otherwise against the embedded simulator. The webhook route listens on
 * platform-http's Vert.x server: on a free loopback port with the simulator; with an account, on
 * QUICKSTART_HTTP_PORT (8080) behind the public https URL ACTIVECAMPAIGN_WEBHOOK_URL, when set. The bulk import
 * runs on the simulator, and on an account only with QUICKSTART_BULK_IMPORT=true (it adds 300 contacts).
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

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
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
        String webhookUrl;
        int httpPort;
        if (simulator != null) {
            httpPort = freePort();
            webhookUrl = "http://127.0.0.1:" + httpPort + "/activecampaign/hooks";
        } else {
            httpPort = Integer.parseInt(env.getOrDefault("QUICKSTART_HTTP_PORT", "8080"));
            webhookUrl = env.get("ACTIVECAMPAIGN_WEBHOOK_URL");
            if (webhookUrl == null) {
                summary.webhookNote("not run: set ACTIVECAMPAIGN_WEBHOOK_URL to a public https URL that reaches port "
                                    + httpPort);
            }
        }
        if (webhookUrl != null) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost(simulator != null ? "127.0.0.1" : "0.0.0.0");
            server.setBindPort(httpPort);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeConfigure(BaseMainSupport support) {
                    try {
                        support.getCamelContext().addService(new VertxPlatformHttpServer(server));
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot add the HTTP server of the webhook route", e);
                    }
                }
            });
        }
        boolean bulkImport = simulator != null || "true".equals(env.get("QUICKSTART_BULK_IMPORT"));
        if (!bulkImport) {
            summary.importNote("not run: set QUICKSTART_BULK_IMPORT=true to import import-contacts.csv (300 "
                               + "contacts) into the account");
        }
        String startedAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        main.configure().addRoutesBuilder(new QuickstartRoutes(summary, trackEvents, startedAt, webhookUrl,
                bulkImport));
        try {
            main.start();
            if (!summary.done().await(2, TimeUnit.MINUTES)) {
                System.out.println("The quickstart did not finish within 2 minutes");
            }
            long deadline = System.nanoTime() + ACTIVITY_WAIT.toNanos();
            while ((summary.countingActivities() && summary.activities() < summary.expectedActivities()
                    || webhookUrl != null && summary.webhooks() < summary.expectedWebhooks())
                   && System.nanoTime() < deadline) {
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
