// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The machine's PostgreSQL for one test: a schema of its own, dropped afterwards, and a pooled DataSource whose
 * connections work in it. Where PostgreSQL does not answer, the test is skipped, saying so. The address comes from
 * ACTIVECAMPAIGN_TEST_JDBC_URL (default jdbc:postgresql://127.0.0.1:5432/test), ACTIVECAMPAIGN_TEST_JDBC_USER
 * (default postgres) and ACTIVECAMPAIGN_TEST_JDBC_PASSWORD.
 */
public final class TestPostgres implements BeforeEachCallback, AfterEachCallback {

    static final String URL = env("ACTIVECAMPAIGN_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("ACTIVECAMPAIGN_TEST_JDBC_USER", "postgres");
    static final String PASSWORD = env("ACTIVECAMPAIGN_TEST_JDBC_PASSWORD", "");

    private static String unreachable;
    private static boolean probed;

    private String schema;
    private HikariDataSource dataSource;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        String problem = probe();
        Assumptions.assumeTrue(problem == null, () -> "PostgreSQL is not reachable at " + URL + " as " + USER + " ("
                                                      + problem + "); start it or set ACTIVECAMPAIGN_TEST_JDBC_URL");
        schema = "actest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        dataSource = newDataSource(4);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
            schema = null;
        }
    }

    /** A pooled DataSource on the test's schema, closed after the test. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Another pool on the same schema, as another replica would have; the caller closes it. */
    public HikariDataSource newDataSource(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.addDataSourceProperty("currentSchema", schema);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setPoolName("test-" + schema);
        return new HikariDataSource(config);
    }

    public String schema() {
        return schema;
    }

    /** The JDBC URL of the test's schema, for another JVM. */
    public String schemaUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "3");
        return DriverManager.getConnection(URL, properties);
    }

    /** Null when PostgreSQL answers, else why not; asked once per JVM. */
    private static synchronized String probe() {
        if (!probed) {
            probed = true;
            try (Connection connection = connect()) {
                connection.isValid(3);
            } catch (SQLException e) {
                unreachable = e.getMessage();
            }
        }
        return unreachable;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
