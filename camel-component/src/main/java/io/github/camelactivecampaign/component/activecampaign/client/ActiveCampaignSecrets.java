// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The configured secrets (API token, tracking key) and their removal from whatever a server sent back: a service or
 * proxy that echoes the token in an error body, a reason phrase or a header must not put it into an exception that
 * Camel's error handler logs. Each secret is replaced as written, percent-encoded and JSON-escaped.
 */
public final class ActiveCampaignSecrets {

    /** What a secret is replaced with, as Camel masks secrets in URIs. */
    public static final String MASK = "xxxxxx";

    private static final ActiveCampaignSecrets NONE = new ActiveCampaignSecrets(Set.of());

    /** Every form of every secret, longest first so that a secret containing another is replaced whole. */
    private final Set<String> forms;

    private ActiveCampaignSecrets(Set<String> forms) {
        this.forms = forms;
    }

    /** The secrets among these values; null and blank values are skipped. */
    public static ActiveCampaignSecrets of(String... secrets) {
        Set<String> forms = Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .flatMap(s -> Stream.of(s, s.strip(), URLEncoder.encode(s, StandardCharsets.UTF_8), jsonEscaped(s)))
                .filter(s -> !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return forms.isEmpty() ? NONE : new ActiveCampaignSecrets(forms);
    }

    /** The text with every secret masked; null stays null. */
    public String scrub(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        for (String form : forms) {
            scrubbed = scrubbed.replace(form, MASK);
        }
        return scrubbed;
    }

    /** Whether a secret appears in the text. */
    public boolean appearIn(String text) {
        return text != null && forms.stream().anyMatch(text::contains);
    }

    /** A response whose reason phrase, headers and (unless it is a success) body carry no secret. */
    public ActiveCampaignResponse scrub(ActiveCampaignResponse response) {
        if (forms.isEmpty()) {
            return response;
        }
        Map<String, String> headers = new HashMap<>();
        response.headers().forEach((name, value) -> headers.put(name, scrub(value)));
        // a success body is the user's data and is parsed as such; where it ends up in a message it is scrubbed there
        String body = response.isSuccess() ? response.body() : scrub(response.body());
        return new ActiveCampaignResponse(response.status(), scrub(response.reason()), body,
                scrub(response.contentType()), headers);
    }

    /**
     * The exception itself when no message of its chain (causes and suppressed) holds a secret; else a copy of the
     * chain whose messages are masked, each link keeping its type name and stack trace.
     */
    public Throwable scrub(Throwable failure) {
        if (failure == null || !leaks(failure, 0)) {
            return failure;
        }
        return copy(failure, 0);
    }

    private boolean leaks(Throwable failure, int depth) {
        if (failure == null || depth > 32) {
            return false;
        }
        if (appearIn(failure.getMessage()) || appearIn(failure.getLocalizedMessage())
                || leaks(failure.getCause() == failure ? null : failure.getCause(), depth + 1)) {
            return true;
        }
        return Arrays.stream(failure.getSuppressed()).anyMatch(s -> leaks(s, depth + 1));
    }

    private Throwable copy(Throwable failure, int depth) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure || depth > 32 ? null
                : copy(failure.getCause(), depth + 1);
        Throwable copy = new ScrubbedException(failure.getClass().getName(), scrub(failure.getMessage()), cause);
        copy.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, depth + 1));
        }
        return copy;
    }

    /** Stands for an exception whose message held a secret: its type name and its masked message. */
    public static final class ScrubbedException extends RuntimeException {

        private final String originalType;

        ScrubbedException(String originalType, String message, Throwable cause) {
            super(message, cause);
            this.originalType = originalType;
        }

        /** The class name of the exception this one stands for. */
        public String getOriginalType() {
            return originalType;
        }

        @Override
        public String toString() {
            return originalType + (getMessage() == null ? "" : ": " + getMessage());
        }
    }

    private static String jsonEscaped(String secret) {
        StringBuilder escaped = new StringBuilder();
        for (char c : secret.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '/' -> escaped.append("\\/");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
