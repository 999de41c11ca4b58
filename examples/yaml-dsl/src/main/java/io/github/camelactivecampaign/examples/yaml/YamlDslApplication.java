// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.yaml;

import java.util.Map;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.main.Main;

/**
 * Runs the YAML routes of src/main/resources/routes on camel-main, against the account of ACTIVECAMPAIGN_API_URL
 * and ACTIVECAMPAIGN_API_TOKEN when set, otherwise against the embedded simulator. Stops once idle.
 */
public final class YamlDslApplication {

    private YamlDslApplication() {
    }

    public static void main(String[] args) throws Exception {
        run(System.getenv(), null);
    }

    static void run(Map<String, String> env, ActiveCampaignSimulator given) throws Exception {
        String url = env.get("ACTIVECAMPAIGN_API_URL");
        String token = env.get("ACTIVECAMPAIGN_API_TOKEN");
        ActiveCampaignSimulator simulator = null;
        if (url == null || token == null) {
            simulator = given != null ? given : ActiveCampaignSimulator.start();
            url = simulator.baseUrl();
            token = simulator.token();
            System.out.println("Running the YAML routes against the embedded ActiveCampaign simulator at " + url);
        } else {
            System.out.println("Running the YAML routes against " + url);
        }
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "activecampaign-yaml-dsl");
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:routes/*.camel.yaml");
        main.addInitialProperty("camel.main.durationMaxIdleSeconds", "2");
        main.addInitialProperty("camel.component.activecampaign.baseUrl", url);
        main.addInitialProperty("example.token", token);
        main.addInitialProperty("camel.component.activecampaign.apiKey", "{{example.token}}");
        try {
            main.run();
        } finally {
            if (simulator != null && given == null) {
                simulator.close();
            }
        }
    }
}
