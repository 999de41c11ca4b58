// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The machine's Redis for one test: a key prefix of its own, whose keys are deleted afterwards. Where Redis does not
 * answer, the test is skipped, saying so. The address comes from ACTIVECAMPAIGN_TEST_REDIS_URI (default
 * redis://127.0.0.1:6379).
 */
public final class TestRedis implements BeforeEachCallback, AfterEachCallback {

    static final String URI = System.getenv().getOrDefault("ACTIVECAMPAIGN_TEST_REDIS_URI", "redis://127.0.0.1:6379");

    private static String unreachable;
    private static boolean probed;

    private RedisClient client;
    private String prefix;

    @Override
    public void beforeEach(ExtensionContext context) {
        String problem = probe();
        Assumptions.assumeTrue(problem == null, () -> "Redis is not reachable at " + URI + " (" + problem
                                                      + "); start it or set ACTIVECAMPAIGN_TEST_REDIS_URI");
        client = RedisClient.create(URI);
        prefix = "actest:" + UUID.randomUUID() + ":";
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (client == null) {
            return;
        }
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            keys(connection.sync()).forEach(connection.sync()::del);
        } finally {
            client.shutdown();
            client = null;
        }
    }

    /** The test's own key prefix. */
    public String prefix() {
        return prefix;
    }

    public String uri() {
        return URI;
    }

    /** A client of the test's Redis, shut down after the test. */
    public RedisClient client() {
        return client;
    }

    /** The keys under the test's prefix. */
    public List<String> keys() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return keys(connection.sync());
        }
    }

    private List<String> keys(RedisCommands<String, String> redis) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    /** Null when Redis answers PING, else why not; asked once per JVM. */
    private static synchronized String probe() {
        if (!probed) {
            probed = true;
            RedisURI uri = RedisURI.create(URI);
            uri.setTimeout(Duration.ofSeconds(3));
            RedisClient probe = RedisClient.create(uri);
            try (StatefulRedisConnection<String, String> connection = probe.connect()) {
                connection.sync().ping();
            } catch (RuntimeException e) {
                unreachable = e.getMessage();
            } finally {
                probe.shutdown();
            }
        }
        return unreachable;
    }
}
