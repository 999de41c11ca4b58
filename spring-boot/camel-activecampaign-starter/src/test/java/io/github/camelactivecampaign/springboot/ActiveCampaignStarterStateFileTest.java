// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * camel.component.activecampaign.state-file keeps the consumers' cursor in that file: a consumer that restarts
 * resumes after the last record it delivered instead of starting over.
 */
@SpringBootTest(classes = ActiveCampaignStarterStateFileTest.Application.class)
class ActiveCampaignStarterStateFileTest {

    static final ActiveCampaignSimulator SIMULATOR = ActiveCampaignSimulator.builder().rateLimit(0).start();
    @TempDir
    static Path directory;
    static final List<String> DELIVERED = new CopyOnWriteArrayList<>();

    @SpringBootApplication
    static class Application {
        @Bean
        RouteBuilder activities() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("activecampaign:activities?startFrom=beginning&initialDelay=0&delay=100")
                            .routeId("activities").autoStartup(false)
                            .process(e -> DELIVERED.add(String.valueOf(e.getMessage().getBody(Map.class).get("id"))));
                }
            };
        }
    }

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry registry) {
        registry.add("camel.component.activecampaign.base-url", SIMULATOR::baseUrl);
        registry.add("camel.component.activecampaign.api-key", SIMULATOR::token);
        registry.add("camel.component.activecampaign.state-file", () -> stateFile().toString());
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void aRestartedConsumerResumesFromTheStateFile() throws Exception {
        template.requestBody("activecampaign:contacts/sync", Map.of("email", "first@example.com"));
        camelContext.getRouteController().startRoute("activities");
        await().atMost(Duration.ofSeconds(20)).until(() -> DELIVERED.size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(stateFile()) && Files.size(stateFile()) > 0);

        camelContext.getRouteController().stopRoute("activities");
        template.requestBody("activecampaign:contacts/sync", Map.of("email", "second@example.com"));
        camelContext.getRouteController().startRoute("activities");

        await().atMost(Duration.ofSeconds(20)).until(() -> DELIVERED.size() >= 2);
        // one more poll after the new record: an in-memory cursor would have delivered the first again by now
        long polls = SIMULATOR.journal("activities/list").size();
        await().atMost(Duration.ofSeconds(20)).until(() -> SIMULATOR.journal("activities/list").size() > polls);
        assertThat(DELIVERED).as("each activity once, across the restart").doesNotHaveDuplicates().hasSize(2);
    }

    static Path stateFile() {
        return directory.resolve("activecampaign-cursors.properties");
    }
}
