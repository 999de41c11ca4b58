// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The camel.component.activecampaign.* properties, applied to the activecampaign component. Unset properties keep
 * the component's defaults.
 */
@ConfigurationProperties(prefix = "camel.component.activecampaign")
public class ActiveCampaignComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * The API URL of the account, as shown under Settings / Developer, e.g. https://youraccount.api-us1.com/api/3.
     * Must be https (plain http only for loopback hosts).
     */
    private String baseUrl;

    /**
     * The API token of the account (Settings / Developer), sent as the Api-Token header. A secret: use a
     * placeholder such as ${ACTIVECAMPAIGN_API_TOKEN}.
     */
    private String apiKey;

    /**
     * Where eventTracking/track posts events (default https://trackcmp.net/event).
     */
    private String trackingUrl;

    /**
     * The event tracking account id (actid), under Settings / Tracking / Event Tracking.
     */
    private String trackingAccountId;

    /**
     * The event tracking key, under Settings / Tracking / Event Tracking. A secret.
     */
    private String trackingSecret;

    /**
     * For list operations: return every record of every page as a lazy Iterator.
     */
    private Boolean paginate;

    /**
     * The page size used when paginate=true, 1 to 100 (default 100).
     */
    private Integer pageSize;

    /**
     * Requests per second allowed for the account, shared by all its endpoints (default 5).
     */
    private Double rateLimit;

    /**
     * The longest a request waits for the account's rate limiter, in milliseconds (default 30000).
     */
    private Long maxRateLimitWait;

    /**
     * Attempts per call, the first included, for the failures that are retried (default 3).
     */
    private Integer maxAttempts;

    /**
     * Milliseconds before the first retry, doubled for each further retry, with jitter (default 500).
     */
    private Long retryBackoff;

    /**
     * The longest backoff between two attempts, in milliseconds (default 10000).
     */
    private Long maxRetryBackoff;

    /**
     * The time budget of one call in milliseconds, waits and retries included (default 120000).
     */
    private Long callTimeout;

    /**
     * The longest wait a 429 Retry-After may impose, in milliseconds (default 60000).
     */
    private Long maxRetryAfter;

    /**
     * Retry POST and PATCH calls after failures that may have reached the service (default false).
     */
    private Boolean retryNonIdempotent;

    /**
     * Milliseconds to wait for a connection (default 10000).
     */
    private Integer connectTimeout;

    /**
     * Milliseconds to wait for response data (default 30000).
     */
    private Integer responseTimeout;

    /**
     * Size of the account's connection pool (default 20).
     */
    private Integer maxConnections;

    /**
     * The largest request body sent, in bytes (default 1048576).
     */
    private Integer maxBodySize;

    /**
     * The largest response body read, in bytes (default 67108864).
     */
    private Long maxResponseSize;

    /**
     * HTTP proxy host.
     */
    private String proxyHost;

    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * The account's time zone, for dates written without an offset (default UTC).
     */
    private String accountTimeZone;

    /**
     * The share (0 to 1) of the account's rate limit a consumer may use (default 0.5).
     */
    private Double consumerShare;

    /**
     * Whether producers start lazily, on the first message.
     */
    private Boolean lazyStartProducer;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getTrackingUrl() {
        return trackingUrl;
    }

    public void setTrackingUrl(String trackingUrl) {
        this.trackingUrl = trackingUrl;
    }

    public String getTrackingAccountId() {
        return trackingAccountId;
    }

    public void setTrackingAccountId(String trackingAccountId) {
        this.trackingAccountId = trackingAccountId;
    }

    public String getTrackingSecret() {
        return trackingSecret;
    }

    public void setTrackingSecret(String trackingSecret) {
        this.trackingSecret = trackingSecret;
    }

    public Boolean getPaginate() {
        return paginate;
    }

    public void setPaginate(Boolean paginate) {
        this.paginate = paginate;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Double getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    public void setMaxRateLimitWait(Long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Long getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Long getMaxRetryBackoff() {
        return maxRetryBackoff;
    }

    public void setMaxRetryBackoff(Long maxRetryBackoff) {
        this.maxRetryBackoff = maxRetryBackoff;
    }

    public Long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Boolean getRetryNonIdempotent() {
        return retryNonIdempotent;
    }

    public void setRetryNonIdempotent(Boolean retryNonIdempotent) {
        this.retryNonIdempotent = retryNonIdempotent;
    }

    public Integer getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Integer connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Integer responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Integer maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getAccountTimeZone() {
        return accountTimeZone;
    }

    public void setAccountTimeZone(String accountTimeZone) {
        this.accountTimeZone = accountTimeZone;
    }

    public Double getConsumerShare() {
        return consumerShare;
    }

    public void setConsumerShare(Double consumerShare) {
        this.consumerShare = consumerShare;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    /**
     * The properties that are set, by component option name. A blank value counts as unset: it is what
     * ${ACTIVECAMPAIGN_API_URL:} gives when the variable is missing.
     */
    public Map<String, Object> properties() {
        Map<String, Object> set = new LinkedHashMap<>();
        putIfSet(set, "baseUrl", baseUrl);
        putIfSet(set, "apiKey", apiKey);
        putIfSet(set, "trackingUrl", trackingUrl);
        putIfSet(set, "trackingAccountId", trackingAccountId);
        putIfSet(set, "trackingSecret", trackingSecret);
        putIfSet(set, "paginate", paginate);
        putIfSet(set, "pageSize", pageSize);
        putIfSet(set, "rateLimit", rateLimit);
        putIfSet(set, "maxRateLimitWait", maxRateLimitWait);
        putIfSet(set, "maxAttempts", maxAttempts);
        putIfSet(set, "retryBackoff", retryBackoff);
        putIfSet(set, "maxRetryBackoff", maxRetryBackoff);
        putIfSet(set, "callTimeout", callTimeout);
        putIfSet(set, "maxRetryAfter", maxRetryAfter);
        putIfSet(set, "retryNonIdempotent", retryNonIdempotent);
        putIfSet(set, "connectTimeout", connectTimeout);
        putIfSet(set, "responseTimeout", responseTimeout);
        putIfSet(set, "maxConnections", maxConnections);
        putIfSet(set, "maxBodySize", maxBodySize);
        putIfSet(set, "maxResponseSize", maxResponseSize);
        putIfSet(set, "proxyHost", proxyHost);
        putIfSet(set, "proxyPort", proxyPort);
        putIfSet(set, "accountTimeZone", accountTimeZone);
        putIfSet(set, "consumerShare", consumerShare);
        putIfSet(set, "lazyStartProducer", lazyStartProducer);
        return set;
    }

    private static void putIfSet(Map<String, Object> map, String name, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            map.put(name, value);
        }
    }
}
