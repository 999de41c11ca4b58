// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a webhook's URL carries as the query parameter {@value #PARAMETER}: the service signs nothing, so only
 * a request that knows the URL gets through. Compared in constant time, as digests, so that neither the content nor
 * the length of the secret leaks through timing.
 */
final class WebhookSecret {

    static final String PARAMETER = "secret";
    static final int MIN_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final byte[] digest;

    private WebhookSecret(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /** The configured secret, or a random one (256 bits) when none is. */
    static WebhookSecret of(String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return new WebhookSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        if (configured.length() < MIN_LENGTH || !configured.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("webhookSecret must be at least " + MIN_LENGTH + " characters of "
                                               + "A-Z, a-z, 0-9, '.', '_', '~' or '-'; leave it unset for a random "
                                               + "one");
        }
        return new WebhookSecret(configured);
    }

    /** Whether a request's secret is this one (null: the request had none). */
    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(digest, sha256(given));
    }

    /** The URL to register: the public URL with the secret added. */
    String addTo(String url) {
        return url + (url.contains("?") ? "&" : "?") + PARAMETER + "=" + value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret[****]";
    }
}
