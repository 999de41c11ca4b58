// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelactivecampaign.component.activecampaign.consumer.JdbcCursorStateRepository;
import io.github.camelactivecampaign.component.activecampaign.consumer.StaleCursorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cursors in the machine's PostgreSQL, written by two replicas (each its own repository and pool): the old leader
 * of a feed and the new one. A write that would move the cursor back behind what the other stored is refused.
 */
class JdbcCursorStateRepositoryTest {

    static final String KEY = "activecampaign:activities/list";
    static final String AT_1 = cursor("2024-03-01T15:00:01Z", "\"11\"");
    static final String AT_2 = cursor("2024-03-01T15:00:02Z", "\"21\"");
    static final String AT_2_MORE = cursor("2024-03-01T15:00:02Z", "\"21\",\"22\"");
    static final String AT_3 = cursor("2024-03-01T15:00:03Z", "\"31\"");

    @RegisterExtension
    final TestPostgres postgres = new TestPostgres();

    private HikariDataSource otherPool;
    private JdbcCursorStateRepository oldLeader;
    private JdbcCursorStateRepository newLeader;

    static String cursor(String time, String ids) {
        return "{\"time\":\"" + time + "\",\"ids\":[" + ids + "],\"lastId\":0}";
    }

    @BeforeEach
    void startReplicas() throws Exception {
        otherPool = postgres.newDataSource(2);
        oldLeader = new JdbcCursorStateRepository(postgres.dataSource());
        newLeader = new JdbcCursorStateRepository(otherPool);
        oldLeader.start();
        newLeader.start();
    }

    @AfterEach
    void stopReplicas() {
        oldLeader.stop();
        newLeader.stop();
        otherPool.close();
    }

    @Test
    void theTableIsCreatedAndACursorReadsBackAsWritten() throws Exception {
        assertThat(oldLeader.getState(KEY)).isNull();
        oldLeader.setState(KEY, AT_1);
        oldLeader.setState(KEY, AT_2);

        assertThat(newLeader.getState(KEY)).isEqualTo(AT_2);
        assertThat(row()).isEqualTo(AT_2 + " v2");
    }

    @Test
    void aDeposedLeaderCannotMoveTheCursorBackBehindTheNewLeader() {
        oldLeader.getState(KEY);
        oldLeader.setState(KEY, AT_1);
        // failover: the new leader continues from the stored cursor and moves on
        assertThat(newLeader.getState(KEY)).isEqualTo(AT_1);
        newLeader.setState(KEY, AT_3);

        // the old leader, finishing its last poll, commits a record the new leader has passed
        assertThatThrownBy(() -> oldLeader.setState(KEY, AT_2)).isInstanceOf(StaleCursorException.class)
                .hasMessageContaining(KEY).hasMessageContaining("next poll");
        assertThat(newLeader.getState(KEY)).isEqualTo(AT_3);
    }

    @Test
    void theSamePositionWrittenByADeposedLeaderIsRefusedToo() {
        oldLeader.getState(KEY);
        oldLeader.setState(KEY, AT_2);
        newLeader.getState(KEY);
        newLeader.setState(KEY, AT_2_MORE);

        assertThatThrownBy(() -> oldLeader.setState(KEY, AT_2_MORE)).isInstanceOf(StaleCursorException.class);
    }

    @Test
    void aWriterWhoseReadIsStaleButWhoIsFurtherOnStillWrites() throws Exception {
        // both replicas read the cursor; the old leader writes once more before it notices it lost the leadership
        oldLeader.getState(KEY);
        oldLeader.setState(KEY, AT_1);
        newLeader.getState(KEY);
        oldLeader.setState(KEY, AT_2);

        // the new leader redelivered that record and went further: its cursor wins
        newLeader.setState(KEY, AT_3);
        assertThat(oldLeader.getState(KEY)).isEqualTo(AT_3);
        assertThat(row()).isEqualTo(AT_3 + " v3");
    }

    @Test
    void twoFirstWritesOfAKeyRaceAndOnlyTheFurtherOneStays() {
        assertThat(oldLeader.getState(KEY)).isNull();
        assertThat(newLeader.getState(KEY)).isNull();
        newLeader.setState(KEY, AT_2);

        assertThatThrownBy(() -> oldLeader.setState(KEY, AT_1)).isInstanceOf(StaleCursorException.class);
        oldLeader.setState(KEY, AT_3);
        assertThat(newLeader.getState(KEY)).isEqualTo(AT_3);
    }

    @Test
    void cursorsOfFeedsThatPageByIdAreOrderedByTheirLastId() {
        String after41 = "{\"time\":null,\"ids\":[],\"lastId\":41}";
        String after40 = "{\"time\":null,\"ids\":[],\"lastId\":40}";
        oldLeader.getState(KEY);
        newLeader.getState(KEY);
        newLeader.setState(KEY, after41);

        assertThatThrownBy(() -> oldLeader.setState(KEY, after40)).isInstanceOf(StaleCursorException.class);
        assertThat(newLeader.getState(KEY)).isEqualTo(after41);
    }

    private String row() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT cursor_value, version FROM activecampaign_cursor "
                                                    + "WHERE cursor_key = '" + KEY + "'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1) + " v" + row.getLong(2);
        }
    }
}
