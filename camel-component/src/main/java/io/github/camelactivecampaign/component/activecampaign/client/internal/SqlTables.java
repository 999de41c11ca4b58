// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Creates the tables the component keeps its shared state in, when they are missing. Replicas starting together
 * may race to create the same table; whoever loses finds it there.
 */
public final class SqlTables {

    /** A table name, optionally qualified by its schema: no quoting, no injection. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private SqlTables() {
    }

    /** The name, checked: letters, digits and underscores, optionally {@code schema.table}. */
    public static String checkName(String table, String option) {
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException(option + " must be a table name such as activecampaign_cursor or "
                                               + "myschema.activecampaign_cursor (letters, digits, _), was '"
                                               + table + "'");
        }
        return table;
    }

    /** Runs {@code CREATE TABLE IF NOT EXISTS table (columns)}. */
    public static void create(DataSource dataSource, String table, String columns) throws SQLException {
        String ddl = "CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            // PostgreSQL answers a concurrent CREATE TABLE IF NOT EXISTS with a unique violation: then it exists
            if (!exists(dataSource, table)) {
                throw e;
            }
        }
    }

    private static boolean exists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
