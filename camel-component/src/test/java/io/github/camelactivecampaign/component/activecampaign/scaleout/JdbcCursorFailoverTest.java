// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import io.github.camelactivecampaign.component.activecampaign.consumer.JdbcCursorStateRepository;
import io.github.camelactivecampaign.component.activecampaign.consumer.StaleCursorException;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two replicas of an application poll the same feed with their cursors in PostgreSQL, one after the other as
 * leadership moves: the new leader continues where the old one stopped, and the old one, polling once more with
 * the cursor it remembers, can neither move the stored cursor back nor skip what the new leader delivered.
 */
class JdbcCursorFailoverTest {

    @RegisterExtension
    final TestPostgres postgres = new TestPostgres();

    private ActiveCampaignSimulator simulator;
    private HikariDataSource otherPool;
    private Replica oldLeader;
    private Replica newLeader;

    @BeforeEach
    void start() throws Exception {
        simulator = ActiveCampaignSimulator.builder().rateLimit(0).start();
        otherPool = postgres.newDataSource(2);
        oldLeader = new Replica(postgres.dataSource());
        newLeader = new Replica(otherPool);
    }

    @AfterEach
    void stop() throws Exception {
        if (oldLeader != null) {
            oldLeader.context.close();
        }
        if (newLeader != null) {
            newLeader.context.close();
        }
        otherPool.close();
        simulator.close();
    }

    @Test
    void theNewLeaderContinuesFromTheSharedCursorAndTheOldOneCannotMoveItBack() throws Exception {
        seed(1, 2, 3);
        assertThat(oldLeader.poll()).isEqualTo(3);

        // failover: the new leader starts from the cursor the old one stored
        seed(4, 5);
        assertThat(newLeader.poll()).isEqualTo(2);
        assertThat(newLeader.delivered).containsExactly("4", "5");

        // the old leader, deposed in the middle of a poll, still works from the cursor it remembers (after 3):
        // it delivers 4 once more, and its commit is refused
        assertThatThrownBy(oldLeader::poll).isInstanceOf(StaleCursorException.class);
        assertThat(oldLeader.delivered).containsExactly("1", "2", "3", "4");

        // the new leader was not set back: it goes on from 5
        seed(6);
        assertThat(newLeader.poll()).isEqualTo(1);
        assertThat(newLeader.delivered).containsExactly("4", "5", "6");

        // leadership comes back to the first replica (the cluster policy stops one route and starts the other)
        newLeader.context.getRouteController().stopRoute("activities");
        oldLeader.context.getRouteController().stopRoute("activities");
        oldLeader.context.getRouteController().startRoute("activities");
        seed(7);
        assertThat(oldLeader.poll()).isEqualTo(1);
        assertThat(oldLeader.delivered).containsExactly("1", "2", "3", "4", "7");
        assertThat(oldLeader.consumer().getCursor()).isEqualTo("2024-03-01T15:00:07Z");
    }

    private void seed(int... ids) {
        StringBuilder json = new StringBuilder("{\"activities\":[");
        for (int id : ids) {
            json.append("{\"id\":\"").append(id).append("\",\"contact\":\"1\",\"reference_type\":\"Deal\",")
                    .append("\"tstamp\":\"2024-03-01T15:00:0").append(id).append("Z\"},");
        }
        json.setLength(json.length() - 1);
        simulator.seed(json.append("]}").toString());
    }

    /** One replica: a CamelContext whose activities consumer keeps its cursor in PostgreSQL; polled by hand. */
    private final class Replica {
        final CamelContext context = new DefaultCamelContext();
        final List<String> delivered = new CopyOnWriteArrayList<>();

        Replica(DataSource dataSource) throws Exception {
            ActiveCampaignComponent component = new ActiveCampaignComponent();
            component.getConfiguration().setBaseUrl(simulator.baseUrl());
            component.getConfiguration().setApiKey(simulator.token());
            component.getConfiguration().setRateLimit(1000);
            component.getConfiguration().setConsumerShare(1);
            component.getConfiguration().setStateRepository(new JdbcCursorStateRepository(dataSource));
            context.addComponent("activecampaign", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("activecampaign:activities?startFrom=beginning&startScheduler=false").routeId("activities")
                            .process(e -> delivered.add(e.getMessage().getHeader(ActiveCampaignConstants.POLLED_ID,
                                    String.class)));
                }
            });
            context.start();
        }

        ActiveCampaignConsumer consumer() {
            return (ActiveCampaignConsumer) context.getRoute("activities").getConsumer();
        }

        int poll() throws Exception {
            return consumer().poll();
        }
    }
}
