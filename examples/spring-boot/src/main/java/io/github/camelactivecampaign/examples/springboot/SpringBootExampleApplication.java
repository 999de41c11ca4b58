// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import java.time.Duration;
import java.util.Arrays;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Onboards two contacts with a deal each and follows the activities they cause, then prints a summary and stops;
 * with --forever the activities consumer keeps polling. Against the account of ACTIVECAMPAIGN_API_URL and
 * ACTIVECAMPAIGN_API_TOKEN when set, otherwise against the embedded simulator.
 */
@SpringBootApplication
public class SpringBootExampleApplication {

    static final Duration ONBOARDING_TIMEOUT = Duration.ofMinutes(2);
    /** How long the activities of the run may take to show up in the account's activity stream. */
    static final Duration ACTIVITY_WAIT = Duration.ofSeconds(20);

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args));
    }

    /** Runs the example to its summary; returns the exit code (0 when everything expected happened). */
    static int run(String... args) throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(SpringBootExampleApplication.class, args);
        OnboardingReport report = context.getBean(OnboardingReport.class);
        boolean complete = report.awaitCompletion(ONBOARDING_TIMEOUT, ACTIVITY_WAIT);
        System.out.println(report.render(context.getBean(ExampleTarget.class).description()));
        if (Arrays.asList(args).contains("--forever")) {
            System.out.println("--forever: the activities consumer keeps polling; stop with Ctrl+C");
            // Ctrl+C runs Spring's shutdown hook, which closes the context
            Thread.currentThread().join();
        }
        return SpringApplication.exit(context, () -> complete ? 0 : 1);
    }

    @Bean
    ExampleTarget exampleTarget(ObjectProvider<ActiveCampaignSimulator> simulator,
                                @Value("${camel.component.activecampaign.base-url:}") String baseUrl) {
        ActiveCampaignSimulator embedded = simulator.getIfAvailable();
        return new ExampleTarget(embedded != null
                ? "embedded ActiveCampaign simulator at " + embedded.baseUrl() + " (set ACTIVECAMPAIGN_API_URL and "
                  + "ACTIVECAMPAIGN_API_TOKEN to use your account)"
                : "account " + baseUrl);
    }
}
