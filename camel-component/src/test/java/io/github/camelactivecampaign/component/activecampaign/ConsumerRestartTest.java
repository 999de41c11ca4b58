// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route with a file-backed state repository delivers K of N activities; its CamelContext stops; a new
 * CamelContext on the same file delivers the remaining N-K, and none of the first K again.
 */
class ConsumerRestartTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    private static final int N = 12;
    private static final int K = 5;

    @Test
    void restartResumesExactlyWhereItStopped(@TempDir Path dir) throws Exception {
        Map<String, String> activities = new LinkedHashMap<>();
        for (int i = 1; i <= N; i++) {
            // pairs share a timestamp, so the stop falls inside a group of equal times
            activities.put(String.valueOf(i), String.format("2024-03-01T12:00:%02dZ", (i + 1) / 2));
        }
        seed(activities);
        File state = dir.resolve("cursors.dat").toFile();

        List<String> firstRun = run(state, K);
        assertThat(firstRun).containsExactly("1", "2", "3", "4", "5");

        List<String> secondRun = run(state, 0);
        assertThat(secondRun).containsExactly("6", "7", "8", "9", "10", "11", "12");

        List<String> thirdRun = run(state, 0);
        assertThat(thirdRun).as("nothing is delivered twice across restarts").isEmpty();
    }

    @Test
    void stateFileOptionPersistsWithoutABean(@TempDir Path dir) throws Exception {
        seed(Map.of("1", "2024-03-01T12:00:01Z", "2", "2024-03-01T12:00:02Z", "3", "2024-03-01T12:00:03Z"));
        String uri = "activecampaign:activities?contactId=1&startFrom=beginning&initialDelay=3600000"
                     + "&maxMessagesPerPoll=2&stateFile=" + dir.resolve("cursor.dat");
        assertThat(runUri(uri)).containsExactly("1", "2");
        assertThat(runUri(uri)).containsExactly("3");
        assertThat(dir.resolve("cursor.dat")).exists();
    }

    /** Starts a CamelContext, polls once (at most max records; 0: all), stops it; the record ids delivered. */
    private List<String> run(File stateFile, int max) throws Exception {
        return runUri("activecampaign:activities?contactId=1&startFrom=beginning&stateRepository=#cursors"
                      + "&initialDelay=3600000&maxMessagesPerPoll=" + max, stateFile);
    }

    private List<String> runUri(String uri) throws Exception {
        return runUri(uri, null);
    }

    private List<String> runUri(String uri, File stateFile) throws Exception {
        List<String> delivered = new ArrayList<>();
        CamelContext context = new DefaultCamelContext();
        context.addComponent("activecampaign", ConsumerTestSupport.component(activeCampaign.simulator()));
        if (stateFile != null) {
            context.getRegistry().bind("cursors", FileStateRepository.fileStateRepository(stateFile));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri)
                        .routeId("activities")
                        .process(e -> delivered.add(e.getMessage().getHeader(ActiveCampaignConstants.POLLED_ID,
                                String.class)));
            }
        });
        context.start();
        try {
            ((ActiveCampaignConsumer) context.getRoute("activities").getConsumer()).poll();
        } finally {
            context.stop();
        }
        return delivered;
    }

    private static void seed(Map<String, String> idToTstamp) {
        StringBuilder json = new StringBuilder("{\"activities\": [");
        idToTstamp.forEach((id, tstamp) -> json.append("{\"id\":\"").append(id).append("\",\"subscriberid\":\"1\",")
                .append("\"tstamp\":\"").append(tstamp).append("\"},"));
        json.setLength(json.length() - 1);
        activeCampaign.simulator().seed(json.append("]}").toString());
    }
}
