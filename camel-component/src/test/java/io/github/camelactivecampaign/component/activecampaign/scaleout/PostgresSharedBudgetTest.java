// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiterFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account budget in the machine's PostgreSQL: each replica through a pool of its own, in a schema of the test's
 * own; the tables are created by the first replica that needs them.
 */
class PostgresSharedBudgetTest extends SharedBudgetContract {

    @RegisterExtension
    final TestPostgres postgres = new TestPostgres();

    @Override
    ActiveCampaignRateLimiterFactory newFactory() {
        return ActiveCampaignRateLimiterFactory.postgresql(postgres.dataSource());
    }

    @Override
    List<String> storedKeys() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = postgres.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM activecampaign_rate_limit UNION ALL "
                                                     + "SELECT id FROM activecampaign_rate_limit_pause")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    @Override
    String backend() {
        return "postgresql";
    }
}
