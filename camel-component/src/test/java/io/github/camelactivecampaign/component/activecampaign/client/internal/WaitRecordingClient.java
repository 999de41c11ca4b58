// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequestPolicy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignSecrets;

/**
 * The real HTTP client of an account, whose waits between attempts are recorded instead of slept (the clock moves on
 * by as much): bind it as the {@code client} option to check how long a route would have waited, without waiting.
 */
public final class WaitRecordingClient implements ActiveCampaignClient {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final HttpActiveCampaignClient client;
    private volatile long skipped;

    public WaitRecordingClient(String baseUrl, String token) {
        ActiveCampaignRateLimiter limiter = new ActiveCampaignRateLimiter() {
            @Override
            public boolean acquire(Duration maxWait) {
                return true;
            }

            @Override
            public void pause(Duration wait) {
                pauses.add(wait);
            }

            @Override
            public double permitsPerSecond() {
                return 1000;
            }
        };
        client = new HttpActiveCampaignClient(baseUrl, token,
                HttpClientFactory.create(2_000, 30_000, 4, null, null, null, null), limiter,
                ActiveCampaignSecrets.of(token), () -> System.nanoTime() + skipped, wait -> {
                    waits.add(wait);
                    skipped += wait.toNanos();
                });
    }

    /** The waits between attempts, in order. */
    public List<Duration> waits() {
        return waits;
    }

    /** The pauses the account's limiter was told to keep (Retry-After). */
    public List<Duration> pauses() {
        return pauses;
    }

    @Override
    public ActiveCampaignResponse execute(ActiveCampaignRequest request, ActiveCampaignRequestPolicy policy) {
        return client.execute(request, policy);
    }

    @Override
    public String getBaseUrl() {
        return client.getBaseUrl();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
