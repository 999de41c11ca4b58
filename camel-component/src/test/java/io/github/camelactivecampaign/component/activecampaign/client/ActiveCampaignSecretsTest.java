// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masking secrets in what a server sent: every form a secret travels in, whole exception chains, and nothing else
 * touched.
 */
class ActiveCampaignSecretsTest {

    private final ActiveCampaignSecrets secrets = ActiveCampaignSecrets.of("tok/en+1\"x", null, " ", "key-2");

    @Test
    void everyFormOfEverySecretIsMasked() {
        assertThat(secrets.scrub("raw tok/en+1\"x, encoded tok%2Fen%2B1%22x, escaped tok\\/en+1\\\"x, other key-2"))
                .isEqualTo("raw xxxxxx, encoded xxxxxx, escaped xxxxxx, other xxxxxx");
        assertThat(secrets.appearIn("... tok%2Fen%2B1%22x ...")).isTrue();
        assertThat(secrets.appearIn("nothing here")).isFalse();
        assertThat(secrets.appearIn(null)).isFalse();
        assertThat(secrets.scrub((String) null)).isNull();
    }

    @Test
    void aSecretInsideALongerOneIsMaskedWithIt() {
        ActiveCampaignSecrets nested = ActiveCampaignSecrets.of("abc", "abcdef");
        assertThat(nested.scrub("abcdef abc")).isEqualTo("xxxxxx xxxxxx");
    }

    @Test
    void noSecretsLeaveTextAsItIs() {
        ActiveCampaignSecrets none = ActiveCampaignSecrets.of(null, "", "  ");
        assertThat(none.scrub("anything")).isEqualTo("anything");
        ActiveCampaignResponse response = new ActiveCampaignResponse(500, "x", "body", "text/plain", Map.of());
        assertThat(none.scrub(response)).isSameAs(response);
    }

    @Test
    void responseReasonHeadersAndFailureBodyAreMaskedButASuccessBodyIsNot() {
        ActiveCampaignResponse failure = new ActiveCampaignResponse(401, "Bad key-2", "{\"m\":\"key-2\"}",
                "application/json; key-2", Map.of("ratelimit-limit", "key-2"));
        ActiveCampaignResponse scrubbed = secrets.scrub(failure);
        assertThat(scrubbed.status()).isEqualTo(401);
        assertThat(scrubbed.reason()).isEqualTo("Bad xxxxxx");
        assertThat(scrubbed.body()).isEqualTo("{\"m\":\"xxxxxx\"}");
        assertThat(scrubbed.contentType()).isEqualTo("application/json; xxxxxx");
        assertThat(scrubbed.header("RateLimit-Limit")).isEqualTo("xxxxxx");

        ActiveCampaignResponse success = new ActiveCampaignResponse(200, "OK", "{\"note\":\"key-2\"}", null,
                Map.of());
        assertThat(secrets.scrub(success).body()).as("the user's data").isEqualTo("{\"note\":\"key-2\"}");
    }

    @Test
    void chainWithoutSecretsIsKeptAsItIs() {
        IOException clean = new IOException("Connection reset");
        assertThat(secrets.scrub(clean)).isSameAs(clean);
        assertThat(secrets.scrub((Throwable) null)).isNull();
    }

    @Test
    void chainWithASecretAnywhereIsCopiedMaskedWithTypesAndTraces() {
        IOException root = new IOException("Invalid header: key-2");
        IllegalStateException middle = new IllegalStateException("wrapped", root);
        RuntimeException top = new RuntimeException("top", middle);
        top.addSuppressed(new IllegalArgumentException("suppressed key-2"));

        Throwable copy = secrets.scrub(top);
        assertThat(copy).isNotSameAs(top).hasMessage("top");
        assertThat(copy.toString()).isEqualTo("java.lang.RuntimeException: top");
        assertThat(copy.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(copy.getCause()).hasMessage("wrapped");
        assertThat(copy.getCause().getCause()).hasMessage("Invalid header: xxxxxx");
        assertThat(((ActiveCampaignSecrets.ScrubbedException) copy.getCause().getCause()).getOriginalType())
                .isEqualTo("java.io.IOException");
        assertThat(copy.getSuppressed()).singleElement()
                .satisfies(s -> assertThat(s).hasMessage("suppressed xxxxxx"));
    }

    @Test
    void secretOnlyInASuppressedExceptionIsFound() {
        RuntimeException top = new RuntimeException("top");
        top.addSuppressed(new RuntimeException("key-2"));
        assertThat(secrets.scrub(top)).isNotSameAs(top);
    }

    @Test
    void copyWithoutAMessageKeepsNone() {
        RuntimeException top = new RuntimeException(null, new IOException("key-2"));
        Throwable copy = secrets.scrub(top);
        assertThat(copy.getMessage()).isNull();
        assertThat(copy.toString()).isEqualTo("java.lang.RuntimeException");
    }
}
