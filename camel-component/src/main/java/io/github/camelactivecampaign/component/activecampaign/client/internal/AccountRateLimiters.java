// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;

/**
 * One default rate limiter per account in the JVM: every CamelContext and endpoint that calls the same base URL
 * with the same token shares it, as the service's limit is per account. The first rate asked for an account wins.
 */
public final class AccountRateLimiters {

    private static final Map<String, ActiveCampaignRateLimiter> LIMITERS = new ConcurrentHashMap<>();

    private AccountRateLimiters() {
    }

    /** The account's Bucket4j limiter in this JVM. */
    public static ActiveCampaignRateLimiter forAccount(String baseUrl, String apiKey, double requestsPerSecond) {
        return LIMITERS.computeIfAbsent(accountKey(baseUrl, apiKey), k -> BucketRateLimiter.local(requestsPerSecond));
    }

    /**
     * The key of an account: its base URL and a digest of its token, never the token. A shared store keeps the
     * account's bucket under it too.
     */
    public static String accountKey(String baseUrl, String apiKey) {
        return baseUrl + '\n' + fingerprint(apiKey);
    }

    private static String fingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(apiKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
