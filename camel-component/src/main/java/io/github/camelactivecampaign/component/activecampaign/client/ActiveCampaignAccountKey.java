// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names one ActiveCampaign account without its secret: the base URL and a digest of the API token. Two tokens of the
 * same account are two keys; the service counts its limit per account, so give every replica the same token.
 *
 * @param baseUrl     the account's API URL, e.g. {@code https://youraccount.api-us1.com/api/3}
 * @param tokenDigest the first 32 hex digits of the SHA-256 of the token (never the token)
 */
public record ActiveCampaignAccountKey(String baseUrl, String tokenDigest) {

    public static ActiveCampaignAccountKey of(String baseUrl, String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(apiKey)
                    .getBytes(StandardCharsets.UTF_8));
            return new ActiveCampaignAccountKey(baseUrl, HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The key of the account's shared state (its bucket, its pause) in a database or Redis. */
    public String id() {
        return baseUrl + '#' + tokenDigest;
    }

    @Override
    public String toString() {
        return id();
    }
}
