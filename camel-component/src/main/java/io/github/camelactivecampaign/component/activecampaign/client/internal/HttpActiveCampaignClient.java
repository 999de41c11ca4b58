// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLException;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequestPolicy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignSecrets;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException.Reason;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apache HttpClient 5 client of one host: an account's API (base URL + token + the account's rate limiter), or
 * the event-tracking host (no token, no limiter). What is retried:
 * <ul>
 * <li>429, any method (the service did not process the request): after Retry-After, and every request of the
 * account pauses as long;</li>
 * <li>a connection that could not be made (refused, connect timeout), any method: nothing was sent;</li>
 * <li>502, 503, 504, a 403 that is not the service's authorization answer (throttling proxies send those), a
 * reset, empty, truncated or garbled response and a read timeout: GET, PUT and DELETE only, since a POST may
 * have been processed; POST and PATCH too when the endpoint opts in (retryNonIdempotent).</li>
 * </ul>
 * Retries back off exponentially with jitter, within maxAttempts and the call's callTimeout.
 */
public final class HttpActiveCampaignClient implements ActiveCampaignClient {

    public static final String TOKEN_HEADER = "Api-Token";

    private static final Logger LOG = LoggerFactory.getLogger(HttpActiveCampaignClient.class);
    private static final Set<String> PASSED_HEADERS = Set.of("ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset", "retry-after");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE", "HEAD");
    private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504);
    /** The 403 body of a wrong or revoked token, which no retry can fix. */
    private static final String NOT_AUTHORIZED = "not authorized";

    /** Waits between two attempts. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    private final String baseUrl;
    private final String apiKey;
    private final CloseableHttpClient http;
    private final ActiveCampaignRateLimiter rateLimiter;
    private final ActiveCampaignSecrets secrets;
    /** Nanoseconds of a monotonic clock, for the call's time budget. */
    private final LongSupplier clock;
    private final Sleeper sleeper;

    /**
     * @param apiKey      the account's token, or null for the event-tracking host
     * @param rateLimiter the account's limiter, or null for the event-tracking host
     */
    public HttpActiveCampaignClient(String baseUrl, String apiKey, CloseableHttpClient http,
                                    ActiveCampaignRateLimiter rateLimiter) {
        this(baseUrl, apiKey, http, rateLimiter, ActiveCampaignSecrets.of(apiKey));
    }

    /**
     * @param secrets what must never show in a message or log line of this client (the token, the tracking key)
     */
    public HttpActiveCampaignClient(String baseUrl, String apiKey, CloseableHttpClient http,
                                    ActiveCampaignRateLimiter rateLimiter, ActiveCampaignSecrets secrets) {
        this(baseUrl, apiKey, http, rateLimiter, secrets, System::nanoTime, wait -> Thread.sleep(wait.toMillis()));
    }

    /** With the clock and the waits of the retry and time-budget contract given, for tests. */
    HttpActiveCampaignClient(String baseUrl, String apiKey, CloseableHttpClient http,
                             ActiveCampaignRateLimiter rateLimiter, ActiveCampaignSecrets secrets, LongSupplier clock,
                             Sleeper sleeper) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = http;
        this.rateLimiter = rateLimiter;
        this.secrets = secrets;
        this.clock = clock;
        this.sleeper = sleeper;
        if (LoggerFactory.getLogger("org.apache.hc.client5.http.headers").isDebugEnabled()) {
            LOG.warn("The logger org.apache.hc.client5.http.headers is at DEBUG: Apache HttpClient then logs every "
                     + "request header, the ActiveCampaign Api-Token included. Set it to INFO outside of debugging");
        }
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public ActiveCampaignResponse execute(ActiveCampaignRequest request, ActiveCampaignRequestPolicy policy) {
        long deadline = clock.getAsLong() + policy.callTimeout().toNanos();
        boolean idempotent = IDEMPOTENT.contains(request.method()) || policy.retryNonIdempotent();
        for (int attempt = 1;; attempt++) {
            boolean lastAttempt = attempt >= policy.maxAttempts();
            ActiveCampaignResponse response;
            try {
                response = send(request, policy, deadline);
            } catch (ActiveCampaignTransportException e) {
                if (e.getReason() == Reason.RATE_LIMITED || e.getReason() == Reason.INTERRUPTED) {
                    throw e;
                }
                boolean notSent = e.getCause() instanceof ConnectException
                                  || e.getCause() instanceof ConnectTimeoutException;
                boolean retriable = notSent || idempotent && isTransient(e.getCause());
                Duration wait = policy.backoff(attempt);
                if (!retriable || lastAttempt || !fits(deadline, wait)) {
                    throw attempt == 1 ? e : new ActiveCampaignTransportException(e.getMessage() + " (gave up after "
                                                                                  + attempt + " attempts)",
                            request.operation(), e.getReason(), e.getCause());
                }
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} attempt {} failed ({}); retrying in {} ms", request.operation(), attempt,
                            secrets.scrub(String.valueOf(e.getCause())), wait.toMillis());
                }
                sleep(wait, request);
                continue;
            }
            Duration wait = retryWait(request, response, idempotent, attempt, policy);
            if (wait == null || lastAttempt || !fits(deadline, wait)) {
                return response;
            }
            LOG.debug("{} answered {} (attempt {}); retrying in {} ms", request.operation(), response.status(),
                    attempt, wait.toMillis());
            sleep(wait, request);
        }
    }

    /** How long to wait before retrying this response, or null when it is final. */
    private Duration retryWait(ActiveCampaignRequest request, ActiveCampaignResponse response, boolean idempotent,
                               int attempt, ActiveCampaignRequestPolicy policy) {
        int status = response.status();
        Duration retryAfter = retryAfter(response, policy);
        if (status == 429 && isApi()) {
            Duration wait = retryAfter != null ? retryAfter : policy.backoff(attempt);
            rateLimiter.pause(wait);
            return wait;
        }
        boolean throttled403 = status == 403 && isApi()
                               && !response.body().toLowerCase(Locale.ROOT).contains(NOT_AUTHORIZED);
        if (idempotent && (TRANSIENT.contains(status) || throttled403)) {
            if (retryAfter != null) {
                rateLimiter.pause(retryAfter);
                return retryAfter;
            }
            return policy.backoff(attempt);
        }
        return null;
    }

    private ActiveCampaignResponse send(ActiveCampaignRequest request, ActiveCampaignRequestPolicy policy,
                                        long deadline) {
        URI uri = URI.create(baseUrl + request.pathAndQuery());
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(uri)
                .addHeader("Accept", "application/json");
        if (isApi()) {
            builder.addHeader(TOKEN_HEADER, apiKey);
        }
        if (request.body() != null) {
            builder.setEntity(new StringEntity(request.body(), ContentType.parse(request.contentType())));
        }
        ClassicHttpRequest httpRequest = builder.build();
        try {
            if (rateLimiter != null) {
                Duration maxWait = Duration.ofNanos(Math.min(policy.maxRateLimitWait().toNanos(),
                        Math.max(0, deadline - clock.getAsLong())));
                if (!rateLimiter.acquire(maxWait)) {
                    throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation() + " was not "
                                                               + "sent: the account's rate limit would have made it "
                                                               + "wait more than " + maxWait.toMillis() + " ms "
                                                               + "(maxRateLimitWait, callTimeout). Slow the route "
                                                               + "down or raise maxRateLimitWait",
                            request.operation(), Reason.RATE_LIMITED, null);
                }
            }
            LOG.debug("{} {} {}", request.operation(), request.method(), uri);
            // the client is shared by the account's endpoints; each endpoint's own response timeout applies
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                    .setResponseTimeout(Timeout.of(policy.responseTimeout())).build());
            return http.execute(httpRequest, context, response -> {
                HttpEntity entity = response.getEntity();
                String body = entity == null ? "" : read(entity, policy.maxResponseSize(), request);
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
            throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation()
                                                       + " was interrupted while waiting for the account's rate limit",
                    request.operation(), Reason.INTERRUPTED, e);
        } catch (ResponseTooLargeException e) {
            throw new ActiveCampaignTransportException("ActiveCampaign " + e.getMessage(), request.operation(),
                    Reason.TOO_LARGE, e);
        } catch (SocketTimeoutException e) {
            throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation() + " timed out: no "
                                                       + "response from " + hostAndPort(uri) + " within responseTimeout ("
                                                       + policy.responseTimeout().toMillis() + " ms); raise it if the "
                                                       + "service is slow",
                    request.operation(), Reason.TIMEOUT, e);
        } catch (IOException e) {
            // the authority without user info; the library's message may quote what the server sent
            throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation() + " could not reach "
                                                       + uri.getScheme() + "://" + hostAndPort(uri) + ": "
                                                       + secrets.scrub(String.valueOf(e)),
                    request.operation(), Reason.UNREACHABLE, e);
        }
    }

    /** The body as text, refusing one larger than the limit (a runaway response must not exhaust memory). */
    private static String read(HttpEntity entity, long limit, ActiveCampaignRequest request) throws IOException {
        if (entity.getContentLength() > limit) {
            throw new ResponseTooLargeException(request, entity.getContentLength(), limit);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return "";
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0;) {
                total += n;
                if (total > limit) {
                    throw new ResponseTooLargeException(request, total, limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** A response over maxResponseSize; an IOException so that the HTTP client releases the connection. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(ActiveCampaignRequest request, long size, long limit) {
            super(request.operation() + ": the response is larger than maxResponseSize (" + limit
                  + " bytes; at least " + size + " received); narrow the request with limit or filters, or raise "
                  + "maxResponseSize");
        }
    }

    private static boolean isTransient(Throwable cause) {
        return cause instanceof IOException && !(cause instanceof UnknownHostException)
               && !(cause instanceof SSLException) && !(cause instanceof ResponseTooLargeException);
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** Whether waiting this long still leaves time for another attempt within the call's budget. */
    private boolean fits(long deadline, Duration wait) {
        return clock.getAsLong() + wait.toNanos() < deadline;
    }

    private Duration retryAfter(ActiveCampaignResponse response, ActiveCampaignRequestPolicy policy) {
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            Duration wait = Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            return wait.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : wait;
        } catch (NumberFormatException e) {
            LOG.debug("Retry-After is not a number of seconds ({}); backing off instead", secrets.scrub(value));
            return null;
        }
    }

    private void sleep(Duration wait, ActiveCampaignRequest request) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation() + " was interrupted "
                                                       + "before a retry", request.operation(), Reason.INTERRUPTED, e);
        }
    }

    /** The account's API: the token is sent and 429s pause the account; the tracking host has neither. */
    private boolean isApi() {
        return apiKey != null;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
