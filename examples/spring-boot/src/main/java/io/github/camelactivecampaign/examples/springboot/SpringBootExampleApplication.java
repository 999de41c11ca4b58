// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Onboards contacts and follows their activities; {@code mvn spring-boot:run} runs it against the embedded
 * simulator, {@code ACTIVECAMPAIGN_API_URL}/{@code ACTIVECAMPAIGN_API_TOKEN} without the simulator profile against
 * an account.
 */
@SpringBootApplication
public class SpringBootExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringBootExampleApplication.class, args);
    }
}
