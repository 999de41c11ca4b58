// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The repository under a real activities consumer: a cursor file left by an earlier version (Camel's
 * FileStateRepository) is continued from, and a torn one stops the route before any record is fetched.
 */
class FileCursorConsumerTest {

    @RegisterExtension
    static ActiveCampaignSimulatorExtension activeCampaign =
            new ActiveCampaignSimulatorExtension(ActiveCampaignSimulator.builder().rateLimit(0));

    @TempDir
    Path dir;

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void aConsumerContinuesFromTheFileAnEarlierVersionWrote() throws Exception {
        Path file = dir.resolve("cursors.dat");
        seed(1, 3);
        FileStateRepository earlier = FileStateRepository.fileStateRepository(file.toFile());
        CamelContext first = start(earlier);
        await().until(() -> delivered.size() == 3);
        first.stop();
        earlier.stop();
        assertThat(delivered).containsExactly("1", "2", "3");
        assertThat(Files.readString(file)).as("the earlier version's key=value lines").contains("=");

        delivered.clear();
        seed(4, 5);
        CamelContext second = start(new FileCursorStateRepository(file));
        await().until(() -> delivered.size() >= 2);
        // one more poll finds nothing new
        int requests = activeCampaign.simulator().journal("activities/list").size();
        await().until(() -> activeCampaign.simulator().journal("activities/list").size() > requests);
        second.stop();
        assertThat(delivered).containsExactly("4", "5");
    }

    @Test
    void aTornCursorFileStopsTheRouteBeforeAnyRecordIsFetched() throws Exception {
        Path file = dir.resolve("cursors.dat");
        seed(1, 3);
        FileCursorStateRepository repository = new FileCursorStateRepository(file);
        CamelContext first = start(repository);
        await().until(() -> delivered.size() == 3);
        first.stop();
        // the last update cut short, as a file system without atomic rename can leave it
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 10));
        activeCampaign.simulator().reset();
        seed(1, 3);
        delivered.clear();

        assertThatThrownBy(() -> start(new FileCursorStateRepository(file)))
                .hasStackTraceContaining("The cursor file " + file.toAbsolutePath())
                .hasStackTraceContaining("delete it to start again from startFrom");
        assertThat(activeCampaign.simulator().journal()).as("no request: nothing was fetched").isEmpty();
        assertThat(delivered).as("no silent restart from the beginning").isEmpty();
    }

    private CamelContext start(StateRepository<String, String> repository) throws Exception {
        ActiveCampaignSimulator simulator = activeCampaign.simulator();
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("cursors", repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(CursorConsumerChild.activitiesUri(simulator.baseUrl(), simulator.token(), "cursors"))
                        .process(exchange -> delivered.add(CursorConsumerChild.recordId(exchange)));
            }
        });
        try {
            context.start();
        } catch (RuntimeException e) {
            context.stop();
            throw e;
        }
        return context;
    }

    private static void seed(int firstId, int lastId) {
        StringBuilder json = new StringBuilder("{\"activities\": [");
        for (int id = firstId; id <= lastId; id++) {
            json.append("{\"id\":\"").append(id).append("\",\"subscriberid\":\"1\",\"reference_type\":\"Deal\",")
                    .append("\"tstamp\":\"2024-03-01T12:00:0").append(id).append("Z\"},");
        }
        json.setLength(json.length() - 1);
        activeCampaign.simulator().seed(json.append("]}").toString());
    }
}
