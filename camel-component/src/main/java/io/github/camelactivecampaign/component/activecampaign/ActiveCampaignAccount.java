// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignAccountKey;
import io.github.camelactivecampaign.component.activecampaign.client.internal.MeteredRateLimiter;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;

/**
 * One account the component talks to, as the dev console and JMX show it: where its request budget lives and what
 * the budget did in this JVM, and whether the service accepts its token.
 */
@ManagedResource(description = "An ActiveCampaign account: its request budget and token check")
public final class ActiveCampaignAccount {

    private final ActiveCampaignAccountKey key;
    private final MeteredRateLimiter limiter;
    private volatile ActiveCampaignAccountHealthCheck check;

    ActiveCampaignAccount(ActiveCampaignAccountKey key, MeteredRateLimiter limiter) {
        this.key = key;
        this.limiter = limiter;
    }

    public ActiveCampaignAccountKey getKey() {
        return key;
    }

    MeteredRateLimiter limiter() {
        return limiter;
    }

    ActiveCampaignAccountHealthCheck healthCheck() {
        return check;
    }

    void setHealthCheck(ActiveCampaignAccountHealthCheck check) {
        this.check = check;
    }

    @ManagedAttribute(description = "The account's API URL")
    public String getBaseUrl() {
        return key.baseUrl();
    }

    @ManagedAttribute(description = "Where the account's request budget lives: local (this JVM), postgresql, redis "
                                    + "or custom")
    public String getBackend() {
        return limiter.backend();
    }

    @ManagedAttribute(description = "Requests a second the budget allows")
    public double getPermitsPerSecond() {
        return limiter.permitsPerSecond();
    }

    @ManagedAttribute(description = "Requests this JVM sent within the budget")
    public long getPermitsUsed() {
        return limiter.permitsUsed();
    }

    @ManagedAttribute(description = "Requests of this JVM that waited for their turn")
    public long getWaits() {
        return limiter.waits();
    }

    @ManagedAttribute(description = "Milliseconds the requests of this JVM waited for the budget, all together")
    public long getWaitedMillis() {
        return limiter.waited().toMillis();
    }

    @ManagedAttribute(description = "Requests of this JVM refused because they would have waited longer than "
                                    + "maxRateLimitWait")
    public long getRefused() {
        return limiter.refused();
    }

    @ManagedAttribute(description = "429 answers (too many requests) this JVM got for the account")
    public long getTooManyRequests() {
        return limiter.tooManyRequests();
    }

    @ManagedAttribute(description = "Pauses the service asked of this JVM: 429 answers, and 503s with Retry-After")
    public long getRetryAfterPauses() {
        return limiter.pauses();
    }

    @ManagedAttribute(description = "Milliseconds left of the account's current Retry-After pause (shared by every "
                                    + "replica when the budget is)")
    public long getPauseRemainingMillis() {
        return limiter.pauseRemaining().toMillis();
    }

    @ManagedAttribute(description = "Whether ActiveCampaign accepts the account's token, by the last health check")
    public String getTokenCheck() {
        ActiveCampaignAccountHealthCheck current = check;
        return current == null ? "no check (no shared client, or event tracking only)" : current.tokenState();
    }

    /** The figures, for the dev console's JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("baseUrl", getBaseUrl());
        figures.put("backend", getBackend());
        figures.put("permitsPerSecond", getPermitsPerSecond());
        figures.put("permitsUsed", getPermitsUsed());
        figures.put("waits", getWaits());
        figures.put("waitedMillis", getWaitedMillis());
        figures.put("refused", getRefused());
        figures.put("tooManyRequests", getTooManyRequests());
        figures.put("retryAfterPauses", getRetryAfterPauses());
        figures.put("pauseRemainingMillis", getPauseRemainingMillis());
        figures.put("tokenCheck", getTokenCheck());
        return figures;
    }
}
