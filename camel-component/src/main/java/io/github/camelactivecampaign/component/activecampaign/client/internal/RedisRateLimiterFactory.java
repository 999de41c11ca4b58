// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignAccountKey;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiterFactory;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Accounts' budgets in Redis: one Bucket4j bucket per account under {@code <prefix><account>} (compare-and-swap on
 * the key), and the account's pause as the key {@code <prefix><account>:pause} that lives as long as the pause,
 * timed by Redis. Keys of an idle account expire by themselves.
 */
public final class RedisRateLimiterFactory implements ActiveCampaignRateLimiterFactory {

    public static final String DEFAULT_PREFIX = "activecampaign:rate-limit:";
    static final String BACKEND = "redis";
    /** Sets the pause key unless it already lives longer: a shorter Retry-After never cuts a longer pause. */
    private static final String EXTEND_PAUSE = "if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then "
                                               + "redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end return 0";
    /** An idle account's bucket is full again after a second; keeping it longer buys nothing. */
    private static final Duration KEEP_IDLE = Duration.ofMinutes(1);

    private final RedisClient client;
    private final boolean ownsClient;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final String prefix;
    private final ProxyManager<byte[]> buckets;

    /** Opens a connection with this client; {@link #close} closes the connection, not the client. */
    public RedisRateLimiterFactory(RedisClient client, String prefix) {
        this(client, false, prefix);
    }

    private RedisRateLimiterFactory(RedisClient client, boolean ownsClient, String prefix) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.prefix = prefix;
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(SharedRateLimiter.WALL_CLOCK)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_IDLE))
                .build();
    }

    /** Connects to {@code redis://host:port} (rediss:// for TLS; a password in the URI, as Lettuce reads it). */
    public static RedisRateLimiterFactory connect(String redisUri, String prefix) {
        if (redisUri == null || redisUri.isBlank()) {
            throw new IllegalArgumentException("rateLimitBackend=redis needs rateLimitRedisUri, e.g. "
                                               + "redis://redis.example.com:6379");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUri.strip());
        } catch (RuntimeException e) {
            // Lettuce's message may quote the URI, and with it a password
            throw new IllegalArgumentException("rateLimitRedisUri is not a Redis URI; expected e.g. "
                                               + "redis://redis.example.com:6379 or rediss://user:password@host:6380");
        }
        RedisClient client = RedisClient.create(uri);
        try {
            return new RedisRateLimiterFactory(client, true, prefix);
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("Could not connect to Redis at " + uri.getHost() + ":" + uri.getPort()
                                            + " for the account budgets (rateLimitRedisUri): " + e.getMessage(), e);
        }
    }

    @Override
    public ActiveCampaignRateLimiter create(ActiveCampaignAccountKey account, double permitsPerSecond) {
        byte[] key = bytes(prefix + account.id());
        byte[] pauseKey = bytes(prefix + account.id() + ":pause");
        return new SharedRateLimiter(buckets.getProxy(key, () -> SharedRateLimiter.configuration(permitsPerSecond)),
                new RedisPause(connection.sync(), pauseKey), permitsPerSecond, BACKEND);
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public void close() {
        connection.close();
        if (ownsClient) {
            client.shutdown();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The pause of one account: a key whose time to live is what remains of the pause. */
    private record RedisPause(RedisCommands<byte[], byte[]> redis, byte[] key) implements SharedPause {

        @Override
        public Duration remaining() {
            Long millis = redis.pttl(key);
            return millis != null && millis > 0 ? Duration.ofMillis(millis) : Duration.ZERO;
        }

        @Override
        public void extend(Duration wait) {
            long millis = Math.max(1, wait.toMillis());
            redis.eval(EXTEND_PAUSE, ScriptOutputType.INTEGER, new byte[][] { key }, bytes(Long.toString(millis)));
        }
    }
}
