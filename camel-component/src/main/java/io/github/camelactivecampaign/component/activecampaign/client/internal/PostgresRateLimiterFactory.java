// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignAccountKey;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiterFactory;

/**
 * Accounts' budgets in PostgreSQL: one Bucket4j bucket per account in {@code <table>} (row-locked with SELECT ...
 * FOR UPDATE for each token) and the account's pause in {@code <table>_pause}, timed by the database's clock. Both
 * tables are created when missing. The DataSource should pool its connections: every request takes one briefly.
 */
public final class PostgresRateLimiterFactory implements ActiveCampaignRateLimiterFactory {

    public static final String DEFAULT_TABLE = "activecampaign_rate_limit";
    static final String BACKEND = "postgresql";

    private final DataSource dataSource;
    private final String table;
    private final String pauseTable;
    private ProxyManager<String> buckets;

    public PostgresRateLimiterFactory(DataSource dataSource, String table) {
        if (dataSource == null) {
            throw new IllegalArgumentException("rateLimitBackend=postgresql needs a DataSource: set "
                                               + "rateLimitDataSource on the activecampaign component, or bind "
                                               + "exactly one DataSource in the registry");
        }
        this.dataSource = dataSource;
        this.table = SqlTables.checkName(table, "the rate limit table");
        this.pauseTable = table + "_pause";
    }

    @Override
    public synchronized ActiveCampaignRateLimiter create(ActiveCampaignAccountKey account, double permitsPerSecond) {
        if (buckets == null) {
            try {
                SqlTables.create(dataSource, table, "id VARCHAR(512) PRIMARY KEY, state BYTEA, expires_at BIGINT");
                SqlTables.create(dataSource, pauseTable, "id VARCHAR(512) PRIMARY KEY, "
                                                         + "paused_until TIMESTAMP WITH TIME ZONE NOT NULL");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the rate limit tables " + table + " and "
                                                + pauseTable + " in PostgreSQL: " + e.getMessage(), e);
            }
            buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table(table)
                    // every replica reads its own wall clock: keep the hosts' clocks synchronised (NTP)
                    .clientClock(SharedRateLimiter.WALL_CLOCK)
                    .build();
        }
        String id = account.id();
        return new SharedRateLimiter(buckets.getProxy(id, () -> SharedRateLimiter.configuration(permitsPerSecond)),
                new PostgresPause(id), permitsPerSecond, BACKEND);
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    /** The pause of one account: a row holding the database time before which nothing is sent. */
    private final class PostgresPause implements SharedPause {
        private final String id;
        private final String select;
        private final String upsert;

        PostgresPause(String id) {
            this.id = id;
            this.select = "SELECT CAST(EXTRACT(EPOCH FROM (paused_until - clock_timestamp())) * 1000000 AS BIGINT) "
                          + "FROM " + pauseTable + " WHERE id = ?";
            this.upsert = "INSERT INTO " + pauseTable + " AS p (id, paused_until) VALUES (?, clock_timestamp() + "
                          + "CAST(? AS BIGINT) * INTERVAL '1 microsecond') ON CONFLICT (id) DO UPDATE SET "
                          + "paused_until = GREATEST(p.paused_until, EXCLUDED.paused_until)";
        }

        @Override
        public Duration remaining() {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setString(1, id);
                try (ResultSet result = statement.executeQuery()) {
                    long micros = result.next() ? result.getLong(1) : 0;
                    return micros > 0 ? Duration.ofNanos(micros * 1000) : Duration.ZERO;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the account's pause from " + pauseTable + ": "
                                                + e.getMessage(), e);
            }
        }

        @Override
        public void extend(Duration wait) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(upsert)) {
                statement.setString(1, id);
                statement.setLong(2, wait.toNanos() / 1000);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store the account's pause in " + pauseTable + ": "
                                                + e.getMessage(), e);
            }
        }
    }
}
