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
import java.util.List;
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
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;
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
    private static final String REMAINING_HEADER = "ratelimit-remaining";
    private static final Header ACCEPT_JSON = new BasicHeader("Accept", "application/json");
    /** The content type of the JSON bodies the request builder writes. */
    private static final String JSON_CONTENT_TYPE = "application/json; charset=UTF-8";
    private static final List<String> PASSED_HEADERS = List.of("ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset", "retry-after");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE", "HEAD");
    private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504);
    /** The 403 body of a wrong or revoked token, which no retry can fix. */
    private static final String NOT_AUTHORIZED = "not authorized";
    /** The 403 body of a user's missing permission ("You do not have permission to view lists."): final too. */
    private static final String MISSING_PERMISSION = "permission";

    /** Waits between two attempts. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    private final String baseUrl;
    private final String apiKey;
    private final CloseableHttpClient http;
    private final ActiveCampaignRateLimiter rateLimiter;
    /** The base URL's host and path, parsed once. */
    private final HttpHost target;
    private final String basePath;
    private final Header tokenHeader;
    private volatile TimedConfig requestConfig;
    private final ActiveCampaignSecrets secrets;
    /** Nanoseconds of a monotonic clock, for the call's time budget. */
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final OccurrenceLog occurrences;

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
        this.secrets = secrets;
        this.clock = clock;
        this.sleeper = sleeper;
        this.occurrences = new OccurrenceLog(LOG, clock);
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = http;
        this.rateLimiter = rateLimiter;
        URI base = URI.create(baseUrl);
        this.target = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
        this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
        this.tokenHeader = apiKey == null ? null : new BasicHeader(TOKEN_HEADER, apiKey, true);
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
                if (e.getReason() == Reason.RATE_LIMITED) {
                    occurrences.warn("refused", e.getMessage());
                    throw e;
                }
                if (e.getReason() == Reason.INTERRUPTED) {
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
                occurrences.info("retry-io", "ActiveCampaign " + request.operation() + " attempt " + attempt
                                             + " failed (" + secrets.scrub(String.valueOf(e.getCause()))
                                             + "); retrying in " + wait.toMillis() + " ms");
                sleep(wait, request);
                continue;
            }
            reportRemaining(response);
            Duration wait = retryWait(request, response, idempotent, attempt, policy);
            if (wait == null || lastAttempt || !fits(deadline, wait)) {
                return response;
            }
            if (response.status() == 429) {
                occurrences.warn("429", "ActiveCampaign " + request.operation() + " answered 429 (over the account's "
                                        + "rate limit): the account pauses " + wait.toMillis() + " ms, then retries");
            } else {
                occurrences.info("retry-status", "ActiveCampaign " + request.operation() + " answered "
                                                 + response.status() + " (attempt " + attempt + "); retrying in "
                                                 + wait.toMillis() + " ms");
            }
            sleep(wait, request);
        }
    }

    /** Passes the service's own count of the account's budget (RateLimit-Remaining) to the limiter. */
    private void reportRemaining(ActiveCampaignResponse response) {
        String remaining = rateLimiter == null ? null : response.header(REMAINING_HEADER);
        if (remaining != null) {
            try {
                rateLimiter.remaining(Long.parseLong(remaining.trim()));
            } catch (NumberFormatException e) {
                LOG.debug("RateLimit-Remaining is not a number ({}); ignored", secrets.scrub(remaining));
            }
        }
    }

    /** How long to wait before retrying this response, or null when it is final. */
    private Duration retryWait(ActiveCampaignRequest request, ActiveCampaignResponse response, boolean idempotent,
                               int attempt, ActiveCampaignRequestPolicy policy) {
        int status = response.status();
        Duration retryAfter = retryAfter(response, policy);
        if (status == 429 && isApi()) {
            Duration wait = retryAfter != null ? retryAfter : policy.backoff(attempt);
            // the limiter's pace proved too fast for the service: it pauses the account and may slow down
            rateLimiter.rateLimited(wait);
            return wait;
        }
        // a bad token or a user's missing permission is final; other 403s come and go with load (retried)
        String body403 = status == 403 ? response.body().toLowerCase(Locale.ROOT) : "";
        boolean throttled403 = status == 403 && isApi() && !body403.contains(NOT_AUTHORIZED)
                               && !body403.contains(MISSING_PERMISSION);
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
        String pathAndQuery = request.pathAndQuery();
        // built from the parts parsed once: no URI to parse per request
        BasicClassicHttpRequest httpRequest = new BasicClassicHttpRequest(request.method(), target,
                basePath + pathAndQuery);
        httpRequest.addHeader(ACCEPT_JSON);
        if (tokenHeader != null) {
            httpRequest.addHeader(tokenHeader);
        }
        if (request.body() != null) {
            httpRequest.setEntity(new StringEntity(request.body(), contentType(request.contentType())));
        }
        acquireSlot(request, policy, deadline);
        boolean[] answered = new boolean[1];
        try {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {}{}", request.operation(), request.method(), baseUrl, pathAndQuery);
            }
            // the client is shared by the account's endpoints; each endpoint's own response timeout applies
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(requestConfig(policy.responseTimeout()));
            return http.execute(httpRequest, context, response -> {
                // the head of the answer is here: the service has counted the request; the body may take longer
                answered[0] = answered();
                HttpEntity entity = response.getEntity();
                String body = entity == null ? "" : read(entity, policy.maxResponseSize(), request);
                String contentType = entity == null ? null : entity.getContentType();
                return new ActiveCampaignResponse(response.getCode(), response.getReasonPhrase(), body, contentType,
                        passedHeaders(response));
            });
        } catch (ResponseTooLargeException e) {
            throw new ActiveCampaignTransportException("ActiveCampaign " + e.getMessage(), request.operation(),
                    Reason.TOO_LARGE, e);
        } catch (SocketTimeoutException e) {
            throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation() + " timed out: no "
                                                       + "response from " + target.toHostString() + " within "
                                                       + "responseTimeout (" + policy.responseTimeout().toMillis()
                                                       + " ms); raise it if the service is slow",
                    request.operation(), Reason.TIMEOUT, e);
        } catch (IOException e) {
            throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation() + " could not reach "
                                                       + target.toURI() + ": " + secrets.scrub(String.valueOf(e)),
                    request.operation(), Reason.UNREACHABLE, e);
        } finally {
            if (!answered[0]) {
                answered(); // failed: the service has counted the request by now, if it ever will
            }
        }
    }

    /** Tells the limiter that this thread's request was answered (or failed); true once told. */
    private boolean answered() {
        if (rateLimiter != null) {
            rateLimiter.answered();
        }
        return true;
    }

    /** Waits for the account's next slot, right before the request goes out. */
    private void acquireSlot(ActiveCampaignRequest request, ActiveCampaignRequestPolicy policy, long deadline) {
        if (rateLimiter == null) {
            return;
        }
        Duration maxWait = Duration.ofNanos(Math.min(policy.maxRateLimitWait().toNanos(),
                Math.max(0, deadline - clock.getAsLong())));
        boolean acquired;
        try {
            acquired = rateLimiter.acquire(request.operation(), maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation()
                                                       + " was interrupted while waiting for the account's rate limit",
                    request.operation(), Reason.INTERRUPTED, e);
        }
        if (!acquired) {
            throw new ActiveCampaignTransportException("ActiveCampaign " + request.operation() + " was not "
                                                       + "sent: the account's rate limit would have made it "
                                                       + "wait more than " + maxWait.toMillis() + " ms "
                                                       + "(maxRateLimitWait, callTimeout). Slow the route "
                                                       + "down or raise maxRateLimitWait",
                    request.operation(), Reason.RATE_LIMITED, null);
        }
    }

    /** The headers the component passes on, looked up by name (most responses carry none of them). */
    private static Map<String, String> passedHeaders(ClassicHttpResponse response) {
        Map<String, String> headers = null;
        for (String name : PASSED_HEADERS) {
            Header header = response.getFirstHeader(name);
            if (header != null) {
                if (headers == null) {
                    headers = new HashMap<>(8);
                }
                headers.put(name, header.getValue());
            }
        }
        return headers == null ? Map.of() : headers;
    }

    private static ContentType contentType(String contentType) {
        return JSON_CONTENT_TYPE.equals(contentType) ? ContentType.APPLICATION_JSON : ContentType.parse(contentType);
    }

    /** The request config of a response timeout, made once per timeout: endpoints rarely differ in it. */
    private RequestConfig requestConfig(Duration responseTimeout) {
        TimedConfig cached = requestConfig;
        if (cached == null || !cached.responseTimeout.equals(responseTimeout)) {
            cached = new TimedConfig(responseTimeout, RequestConfig.custom().setRedirectsEnabled(false)
                    .setResponseTimeout(Timeout.of(responseTimeout)).build());
            requestConfig = cached;
        }
        return cached.config;
    }

    private record TimedConfig(Duration responseTimeout, RequestConfig config) {
    }

    /** The body as text, refusing one larger than the limit (a runaway response must not exhaust memory). */
    private static String read(HttpEntity entity, long limit, ActiveCampaignRequest request) throws IOException {
        long length = entity.getContentLength();
        if (length > limit) {
            throw new ResponseTooLargeException(request, length, limit);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return "";
            }
            if (length >= 0 && length < Integer.MAX_VALUE - 8) {
                // the usual case: the size is announced, the body is read into one array of that size
                byte[] body = in.readNBytes((int) length);
                return new String(body, StandardCharsets.UTF_8);
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
