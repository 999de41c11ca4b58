// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.util.List;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiterFactory;
import io.github.camelactivecampaign.component.activecampaign.client.internal.RedisRateLimiterFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account budget in the machine's Redis: each replica with a connection of its own, under the test's prefix. */
class RedisSharedBudgetTest extends SharedBudgetContract {

    @RegisterExtension
    final TestRedis redis = new TestRedis();

    @Override
    ActiveCampaignRateLimiterFactory newFactory() {
        return RedisRateLimiterFactory.connect(redis.uri(), redis.prefix());
    }

    @Override
    List<String> storedKeys() {
        return redis.keys();
    }

    @Override
    String backend() {
        return "redis";
    }
}
