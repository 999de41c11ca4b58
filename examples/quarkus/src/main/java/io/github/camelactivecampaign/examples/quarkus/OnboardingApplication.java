// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.quarkus;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.inject.Inject;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.apache.camel.quarkus.core.CamelRuntime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says which account the routes use, starts Camel, waits for the routes to onboard the contacts and poll the
 * activities they cause, prints a summary and stops; with --forever the activities consumer keeps polling.
 */
@QuarkusMain
public class OnboardingApplication implements QuarkusApplication {

    static final Duration ONBOARDING_TIMEOUT = Duration.ofMinutes(2);
    /** How long the activities of the run may take to show up in the account's activity stream. */
    static final Duration ACTIVITY_WAIT = Duration.ofSeconds(20);

    @Inject
    OnboardingReport report;

    /** With a @QuarkusMain, Camel Quarkus leaves starting Camel to the application. */
    @Inject
    CamelRuntime camel;

    @ConfigProperty(name = "camel.component.activecampaign.base-url")
    Optional<String> baseUrl;

    /** The environment variable application.properties takes the account from. */
    @ConfigProperty(name = "ACTIVECAMPAIGN_API_URL")
    Optional<String> accountUrl;

    @Override
    public int run(String... args) throws Exception {
        if (baseUrl.filter(url -> !url.isBlank()).isEmpty()) {
            System.out.println("No ActiveCampaign account: set ACTIVECAMPAIGN_API_URL and ACTIVECAMPAIGN_API_TOKEN "
                               + "(only dev and test mode start the Dev Service's simulator)");
            return 2;
        }
        String target = target();
        System.out.println("Running the Quarkus example against the " + target);
        camel.start(new String[0]);
        boolean complete = report.awaitCompletion(ONBOARDING_TIMEOUT, ACTIVITY_WAIT);
        System.out.println(report.render(target));
        if (Arrays.asList(args).contains("--forever")) {
            System.out.println("--forever: the activities consumer keeps polling; stop with Ctrl+C");
            return camel.waitForExit();
        }
        return complete ? 0 : 1;
    }

    private String target() {
        // without the variable, dev and test mode run on the Dev Service; a packaged application needs an account
        if (accountUrl.filter(url -> !url.isBlank()).isEmpty() && LaunchMode.current() != LaunchMode.NORMAL) {
            return "ActiveCampaign simulator of the Dev Service at " + baseUrl.get() + " (set ACTIVECAMPAIGN_API_URL and "
                   + "ACTIVECAMPAIGN_API_TOKEN to use your account)";
        }
        return "account " + baseUrl.get();
    }
}
