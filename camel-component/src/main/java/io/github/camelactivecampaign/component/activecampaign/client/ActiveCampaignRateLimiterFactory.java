// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.io.Closeable;

import javax.sql.DataSource;

import io.github.camelactivecampaign.component.activecampaign.client.internal.PostgresRateLimiterFactory;
import io.github.camelactivecampaign.component.activecampaign.client.internal.RedisRateLimiterFactory;

/**
 * Gives each account its request budget. Bind one in the registry (or as the component's {@code rateLimiterFactory})
 * to keep the budget where every replica of an application sees it; by default each JVM keeps its own.
 * <p>
 * Implementations must give every caller of the same account a limiter over the same budget: two JVMs asking for
 * the same {@link ActiveCampaignAccountKey} share it, including the pauses a 429 imposes.
 */
public interface ActiveCampaignRateLimiterFactory extends Closeable {

    /** The limiter of an account that allows {@code permitsPerSecond} requests a second. */
    ActiveCampaignRateLimiter create(ActiveCampaignAccountKey account, double permitsPerSecond);

    /** Where the budget lives, for the dev console and JMX: {@code local}, {@code postgresql}, {@code redis}. */
    String backend();

    /** Releases the connections the factory opened itself. */
    @Override
    default void close() {
    }

    /**
     * The budget in PostgreSQL (Bucket4j's {@code bucket4j_jdk17-postgresql} on the classpath), through this
     * DataSource, in the tables {@code activecampaign_rate_limit} and {@code activecampaign_rate_limit_pause},
     * created when missing.
     */
    static ActiveCampaignRateLimiterFactory postgresql(DataSource dataSource) {
        return new PostgresRateLimiterFactory(dataSource, PostgresRateLimiterFactory.DEFAULT_TABLE);
    }

    /**
     * The budget in Redis (Bucket4j's {@code bucket4j_jdk17-lettuce} and Lettuce on the classpath), e.g.
     * {@code redis://redis.example.com:6379}; the factory opens one connection and closes it with {@link #close}.
     */
    static ActiveCampaignRateLimiterFactory redis(String redisUri) {
        return RedisRateLimiterFactory.connect(redisUri, RedisRateLimiterFactory.DEFAULT_PREFIX);
    }
}
