// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of the account and defaults shared by every ActiveCampaign endpoint; set them once on the component or
 * per endpoint.
 */
@UriParams
public class ActiveCampaignConfiguration implements Cloneable {

    public static final String DEFAULT_TRACKING_URL = "https://trackcmp.net/event";

    // baseUrl and apiKey are needed by every operation but eventTracking/track, usually set once on the component: they
    // are checked when an endpoint starts, not marked required in the metadata (tooling would flag every URI)
    @UriParam(label = "common")
    private String baseUrl;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "producer", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "producer,tracking", defaultValue = DEFAULT_TRACKING_URL)
    private String trackingUrl = DEFAULT_TRACKING_URL;
    @UriParam(label = "producer,tracking")
    private String trackingAccountId;
    @UriParam(label = "security", secret = true)
    private String trackingSecret;
    @UriParam(label = "advanced", defaultValue = "10000")
    private int connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "30000")
    private int responseTimeout = 30000;
    @UriParam(label = "advanced", defaultValue = "5")
    private double rateLimit = 5;
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean rateLimitEnabled = true;
    @UriParam(label = "advanced")
    private ActiveCampaignRateLimiter rateLimiter;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private ActiveCampaignClient client;
    @UriParam(label = "advanced")
    private HttpClientConfigurer httpClientConfigurer;
    @UriParam(label = "advanced", defaultValue = "60000")
    private long maxRetryAfter = 60000;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxAttempts = 3;
    @UriParam(label = "advanced", defaultValue = "500")
    private long retryBackoff = 500;
    @UriParam(label = "advanced", defaultValue = "10000")
    private long maxRetryBackoff = 10000;
    @UriParam(label = "advanced", defaultValue = "120000")
    private long callTimeout = 120000;
    @UriParam(label = "advanced", defaultValue = "30000")
    private long maxRateLimitWait = 30000;
    @UriParam(label = "producer,advanced")
    private boolean retryNonIdempotent;
    @UriParam(label = "producer,advanced", defaultValue = "1048576")
    private int maxBodySize = 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "67108864")
    private long maxResponseSize = 64L * 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "consumer", defaultValue = "0.5")
    private double consumerShare = 0.5;
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String stateFile;
    @UriParam(label = "consumer", defaultValue = "UTC")
    private String accountTimeZone = "UTC";

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The API URL of the account, as shown under Settings / Developer, e.g.
     * https://youraccount.api-us1.com/api/3. Must be https (plain http only for loopback hosts, in tests).
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The API token of the account (Settings / Developer), sent as the Api-Token header.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * The records asked for per request when paginate=true, 1 to 100 (the service's largest page).
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getTrackingUrl() {
        return trackingUrl;
    }

    /**
     * Where eventTracking/track posts events.
     */
    public void setTrackingUrl(String trackingUrl) {
        this.trackingUrl = trackingUrl;
    }

    public String getTrackingAccountId() {
        return trackingAccountId;
    }

    /**
     * The event tracking account id (actid), shown under Settings / Tracking / Event Tracking; needed by
     * eventTracking/track.
     */
    public void setTrackingAccountId(String trackingAccountId) {
        this.trackingAccountId = trackingAccountId;
    }

    public String getTrackingSecret() {
        return trackingSecret;
    }

    /**
     * The event tracking key, shown under Settings / Tracking / Event Tracking; needed by eventTracking/track.
     * Named so that Camel masks it wherever it prints an endpoint URI.
     */
    public void setTrackingSecret(String trackingSecret) {
        this.trackingSecret = trackingSecret;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Milliseconds to wait for a connection.
     */
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Milliseconds to wait for response data.
     */
    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    /**
     * Requests per second allowed for the account, shared by all its endpoints (ActiveCampaign allows 5). Must be
     * more than 0; rateLimitEnabled=false turns the limiter off.
     */
    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public boolean isRateLimitEnabled() {
        return rateLimitEnabled;
    }

    /**
     * Pace the account's requests to rateLimit (or the rateLimiter bound). Set it to false only where something
     * else keeps the account under its limit: tests, a proxy that enforces the limit itself, benchmarks. Requests
     * are then sent as fast as they come; a Retry-After the service sends still holds the account's requests back.
     */
    public void setRateLimitEnabled(boolean rateLimitEnabled) {
        this.rateLimitEnabled = rateLimitEnabled;
    }

    public ActiveCampaignRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    /**
     * A custom rate limiter for the account, e.g. one shared across JVMs; replaces rateLimit.
     */
    public void setRateLimiter(ActiveCampaignRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public ActiveCampaignClient getClient() {
        return client;
    }

    /**
     * A client of your own to send the requests with (tests, a gateway, another transport), found in the registry
     * when there is exactly one. By default each account gets one Apache HttpClient 5 client with its rate limiter,
     * retries and timeouts; a client of your own does all of that itself.
     */
    public void setClient(ActiveCampaignClient client) {
        this.client = client;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * camel-http's hook to customise the account's Apache HttpClient 5 builder (interceptors, proxy credentials, a
     * connection keep-alive strategy). Redirects and automatic retries stay off whatever it sets, so the token
     * never follows a redirect to another host.
     */
    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The longest wait, in milliseconds, that a 429 Retry-After may impose before the one retry.
     */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * Attempts per call, the first included, for the failures that are retried (see the Rate limits, retries and
     * errors section of the docs). 1 turns retries off.
     */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public long getRetryBackoff() {
        return retryBackoff;
    }

    /**
     * Milliseconds before the first retry; doubled for each further retry, with jitter.
     */
    public void setRetryBackoff(long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public long getMaxRetryBackoff() {
        return maxRetryBackoff;
    }

    /**
     * The longest backoff between two attempts, in milliseconds.
     */
    public void setMaxRetryBackoff(long maxRetryBackoff) {
        this.maxRetryBackoff = maxRetryBackoff;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    /**
     * The time budget of one call in milliseconds: waits for the rate limiter, attempts and backoffs together.
     */
    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    /**
     * The longest a request waits for the account's rate limiter, in milliseconds; a request that would wait
     * longer fails at once with an ActiveCampaignRateLimitException instead of piling up threads.
     */
    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public boolean isRetryNonIdempotent() {
        return retryNonIdempotent;
    }

    /**
     * Retry POST and PATCH calls after failures that may have reached the service (a reset connection, a read
     * timeout, 502/503/504). Off by default, as the service could then process a request twice; 429 and refused
     * connections are retried for every method regardless.
     */
    public void setRetryNonIdempotent(boolean retryNonIdempotent) {
        this.retryNonIdempotent = retryNonIdempotent;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    /**
     * The largest request body sent, in bytes; a larger one fails before any request.
     */
    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * The largest response body read, in bytes; a larger one fails the call.
     */
    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Size of the account's connection pool.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * HTTP proxy host.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * HTTP proxy port.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS configuration (trust store, protocols) for the connection to ActiveCampaign.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public double getConsumerShare() {
        return consumerShare;
    }

    /**
     * The share (0 to 1) of the account's rate limit a consumer may use, so that polling never starves the
     * producers of the same account.
     */
    public void setConsumerShare(double consumerShare) {
        this.consumerShare = consumerShare;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where consumers keep their cursor, e.g. a FileStateRepository so that a restart resumes where it stopped.
     * In memory by default.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getAccountTimeZone() {
        return accountTimeZone;
    }

    /**
     * The account's time zone (Settings / Account), in which the service writes dates without an offset and reads
     * the date-only filters.
     */
    public void setAccountTimeZone(String accountTimeZone) {
        this.accountTimeZone = accountTimeZone;
    }

    public String getStateFile() {
        return stateFile;
    }

    /**
     * Consumers: keep the cursor in this file, so that a restart resumes where the last run stopped. Each update
     * replaces the file atomically (a crash never leaves it torn); a damaged file stops the route with an error that
     * names it. Set on the component, all its consumers share
     * the file (each under its own cursor key). Ignored when stateRepository is set.
     */
    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public ActiveCampaignConfiguration copy() {
        try {
            return (ActiveCampaignConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // the token and tracking key are secrets: never printed
        return "ActiveCampaignConfiguration[baseUrl=" + baseUrl + ", pageSize=" + pageSize + "]";
    }
}
