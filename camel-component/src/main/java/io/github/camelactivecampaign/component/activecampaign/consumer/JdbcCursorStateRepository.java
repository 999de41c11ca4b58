// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.camelactivecampaign.component.activecampaign.client.internal.SqlTables;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Consumer cursors in a database table, shared by the replicas of an application: when leadership of a feed moves
 * to another replica, the new leader continues from the cursor the old one stored. Plain JDBC (written for
 * PostgreSQL, standard SQL); the table is created when missing:
 *
 * <pre>
 * cursor_key VARCHAR(1024) PRIMARY KEY, cursor_value TEXT, version BIGINT, updated_at TIMESTAMP
 * </pre>
 *
 * Every write is a compare-and-set on the version this repository last read or wrote for the key. When another
 * replica wrote in between, the write goes through only if its cursor is further on than the stored one
 * ({@link CursorOrder}); otherwise it fails with a {@link StaleCursorException} and the stored cursor stays, so a
 * deposed leader finishing its last poll cannot move a feed's cursor backwards.
 */
public class JdbcCursorStateRepository extends ServiceSupport implements StateRepository<String, String> {

    public static final String DEFAULT_TABLE = "activecampaign_cursor";
    /** Writes retried when another replica wrote between our read and our write, and ours is still ahead. */
    private static final int MAX_ATTEMPTS = 5;
    /** The version of a key that has no row yet. */
    private static final long ABSENT = 0;

    private DataSource dataSource;
    private String table = DEFAULT_TABLE;
    private Comparator<String> order = new CursorOrder();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    public JdbcCursorStateRepository() {
    }

    public JdbcCursorStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public JdbcCursorStateRepository(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcCursorStateRepository needs a DataSource (setDataSource)");
        }
        SqlTables.checkName(table, "The cursor table");
        SqlTables.create(dataSource, table, "cursor_key VARCHAR(1024) PRIMARY KEY, cursor_value TEXT NOT NULL, "
                                            + "version BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL");
    }

    @Override
    public String getState(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT cursor_value, version FROM " + table + " WHERE cursor_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    versions.put(key, row.getLong(2));
                    return row.getString(1);
                }
                versions.put(key, ABSENT);
                return null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the consumer cursor " + key + " from " + table + ": "
                                            + e.getMessage(), e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection connection = dataSource.getConnection()) {
            long expected = versions.getOrDefault(key, ABSENT);
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                if (write(connection, key, value, expected)) {
                    versions.put(key, expected + 1);
                    return;
                }
                Stored stored = read(connection, key);
                if (stored == null) {
                    expected = ABSENT;
                    continue;
                }
                if (order.compare(value, stored.value()) <= 0) {
                    throw new StaleCursorException("The cursor " + key + " was not stored: another consumer of the "
                                                   + "feed (a new leader?) stored one that is as far or further "
                                                   + "(version " + stored.version() + "); this consumer continues "
                                                   + "from it at its next poll");
                }
                expected = stored.version();
            }
            throw new IllegalStateException("The cursor " + key + " was not stored: other consumers kept writing it "
                                            + "(" + MAX_ATTEMPTS + " attempts); is the feed polled by several "
                                            + "replicas at once, without the cluster policy?");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the consumer cursor " + key + " in " + table + ": "
                                            + e.getMessage(), e);
        }
    }

    private record Stored(String value, long version) {
    }

    /** Inserts (no row expected) or updates the row at the expected version; false when another writer was first. */
    private boolean write(Connection connection, String key, String value, long expected) throws SQLException {
        if (expected == ABSENT) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (cursor_key, "
                                                                        + "cursor_value, version, updated_at) "
                                                                        + "VALUES (?, ?, 1, CURRENT_TIMESTAMP)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET cursor_value = ?, "
                                                                    + "version = version + 1, updated_at = "
                                                                    + "CURRENT_TIMESTAMP WHERE cursor_key = ? AND "
                                                                    + "version = ?")) {
            update.setString(1, value);
            update.setString(2, key);
            update.setLong(3, expected);
            return update.executeUpdate() == 1;
        }
    }

    private Stored read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT cursor_value, version FROM " + table + " WHERE cursor_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Stored(row.getString(1), row.getLong(2)) : null;
            }
        }
    }

    /** SQL state class 23 is an integrity constraint violation: here, the key exists already. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database of the cursors; a pooled DataSource is best, every cursor write takes a connection. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTable() {
        return table;
    }

    /** The table of the cursors, optionally schema.table; default activecampaign_cursor. */
    public void setTable(String table) {
        this.table = table;
    }

    public Comparator<String> getOrder() {
        return order;
    }

    /** How stored values are ordered, for values that are not the component's cursors. */
    public void setOrder(Comparator<String> order) {
        this.order = order;
    }
}
