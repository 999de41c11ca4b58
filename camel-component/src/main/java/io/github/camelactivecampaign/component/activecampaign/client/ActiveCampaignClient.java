// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests for one account (base URL + token): one pooled HTTP client, the account's rate limiter, and the
 * retry on 429. Shared by every endpoint of the account; the component owns its life cycle.
 */
public final class ActiveCampaignClient implements Closeable {

    public static final String TOKEN_HEADER = "Api-Token";

    private static final Logger LOG = LoggerFactory.getLogger(ActiveCampaignClient.class);
    private static final Set<String> PASSED_HEADERS = Set.of("ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset", "retry-after");

    private final String baseUrl;
    private final String apiKey;
    private final CloseableHttpClient http;
    private final ActiveCampaignRateLimiter rateLimiter;
    private final Duration maxRetryAfter;

    public ActiveCampaignClient(String baseUrl, String apiKey, CloseableHttpClient http,
                                ActiveCampaignRateLimiter rateLimiter, Duration maxRetryAfter) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = http;
        this.rateLimiter = rateLimiter;
        this.maxRetryAfter = maxRetryAfter;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sends a request; on 429 waits what the service asks (Retry-After, capped) and sends it once more, for every
     * method alike: a 429 means the service did not process the request.
     */
    public ActiveCampaignResponse execute(ActiveCampaignRequest request) {
        ActiveCampaignResponse response = send(request);
        if (response.status() == 429 && request.api()) {
            Duration wait = retryAfter(response);
            LOG.debug("{} got 429; the account's requests pause for {} ms before one retry", request.operation(),
                    wait.toMillis());
            rateLimiter.pause(wait);
            response = send(request);
        }
        return response;
    }

    private ActiveCampaignResponse send(ActiveCampaignRequest request) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(request.uri())
                .addHeader("Accept", "application/json");
        if (request.api()) {
            builder.addHeader(TOKEN_HEADER, apiKey);
        }
        if (request.body() != null) {
            builder.setEntity(new StringEntity(request.body(), ContentType.parse(request.contentType())));
        }
        ClassicHttpRequest httpRequest = builder.build();
        try {
            if (request.api()) {
                rateLimiter.acquire();
            }
            LOG.debug("{} {} {}", request.operation(), request.method(), request.uri());
            return http.execute(httpRequest, response -> {
                HttpEntity entity = response.getEntity();
                String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
                Map<String, String> headers = new HashMap<>();
                for (Header header : response.getHeaders()) {
                    String name = header.getName().toLowerCase(Locale.ROOT);
                    if (PASSED_HEADERS.contains(name)) {
                        headers.put(name, header.getValue());
                    }
                }
                String contentType = entity == null ? null : entity.getContentType();
                return new ActiveCampaignResponse(response.getCode(), response.getReasonPhrase(), body, contentType,
                        headers);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActiveCampaignException("ActiveCampaign " + request.operation()
                                              + " was interrupted while waiting for the account's rate limit",
                    request.operation(), e);
        } catch (SocketTimeoutException e) {
            throw new ActiveCampaignException("ActiveCampaign " + request.operation() + " timed out waiting for "
                                              + request.uri().getHost() + " (" + e.getMessage()
                                              + "); raise responseTimeout or connectTimeout if the service is slow",
                    request.operation(), e);
        } catch (InterruptedIOException e) {
            throw new ActiveCampaignException("ActiveCampaign " + request.operation() + " timed out: "
                                              + e.getMessage(), request.operation(), e);
        } catch (IOException e) {
            throw new ActiveCampaignException("ActiveCampaign " + request.operation() + " could not reach "
                                              + request.uri().getScheme() + "://" + request.uri().getAuthority()
                                              + ": " + e, request.operation(), e);
        }
    }

    private Duration retryAfter(ActiveCampaignResponse response) {
        String value = response.header("Retry-After");
        long seconds = 1;
        if (value != null) {
            try {
                seconds = Math.max(0, Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                LOG.debug("Retry-After is not a number of seconds ({}); waiting 1 s", value);
            }
        }
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
