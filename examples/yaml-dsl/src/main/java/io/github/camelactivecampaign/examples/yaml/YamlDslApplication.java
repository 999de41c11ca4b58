// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.yaml;

import java.util.Map;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.main.Main;

/**
 * Runs the YAML routes of src/main/resources/routes on camel-main, against the account of ACTIVECAMPAIGN_API_URL
 * and ACTIVECAMPAIGN_API_TOKEN when set, otherwise against the embedded simulator; stops once idle and prints a
 * summary.
 */
public final class YamlDslApplication {

    private YamlDslApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(System.getenv(), null);
    }

    /** Runs against the given simulator when no account is configured (tests pass theirs to inspect it). */
    static YamlDslSummary run(Map<String, String> env, ActiveCampaignSimulator given) throws Exception {
        String url = env.get("ACTIVECAMPAIGN_API_URL");
        String token = env.get("ACTIVECAMPAIGN_API_TOKEN");
        ActiveCampaignSimulator simulator = null;
        String target;
        if (url == null || url.isBlank() || token == null || token.isBlank()) {
            simulator = given != null ? given : ActiveCampaignSimulator.start();
            url = simulator.baseUrl();
            token = simulator.token();
            target = "embedded ActiveCampaign simulator at " + url + " (set ACTIVECAMPAIGN_API_URL and "
                     + "ACTIVECAMPAIGN_API_TOKEN to use your account)";
        } else {
            target = "account " + url;
        }
        System.out.println("Running the YAML DSL example against the " + target);
        YamlDslSummary summary = new YamlDslSummary();
        Main main = new Main();
        main.bind("summary", summary);
        main.addInitialProperty("camel.main.name", "activecampaign-yaml-dsl");
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:routes/*.camel.yaml");
        // the routes run once: stop when nothing has happened for 2 seconds
        main.addInitialProperty("camel.main.durationMaxIdleSeconds", "2");
        main.addInitialProperty("camel.component.activecampaign.baseUrl", url);
        // a placeholder, so the secret is not a plain-text option value
        main.addInitialProperty("example.token", token);
        main.addInitialProperty("camel.component.activecampaign.apiKey", "{{example.token}}");
        try {
            main.run();
        } finally {
            if (simulator != null && given == null) {
                simulator.close();
            }
        }
        System.out.println(summary.render(target));
        return summary;
    }
}
