// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignSecrets;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;

/**
 * An Apache HttpClient without a network, for the retry and time-budget contract of HttpActiveCampaignClient: each
 * attempt takes the next scripted answer (a response or an I/O failure) and moves a fake clock on by the time the
 * attempt "took"; the client's waits are recorded and move the clock on too, instead of sleeping.
 */
final class ScriptedHttp extends CloseableHttpClient {

    /** One attempt's outcome. */
    interface Step {
        BasicClassicHttpResponse answer() throws IOException;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    /** What each attempt sent. */
    final List<ClassicHttpRequest> sent = new ArrayList<>();
    /** The client's waits between attempts, in order. */
    final List<Duration> sleeps = new ArrayList<>();
    /** The fake monotonic clock, in nanoseconds. */
    long now = 1_000_000_000L;
    /** How long each attempt takes on the fake clock. */
    Duration attemptTakes = Duration.ZERO;
    /** Whether a wait is interrupted, as when the route is stopped. */
    boolean interruptWaits;

    ScriptedHttp then(Step step) {
        steps.add(step);
        return this;
    }

    ScriptedHttp thenStatus(int status, String... headerNamesAndValues) {
        return then(() -> response(status, "{}", headerNamesAndValues));
    }

    ScriptedHttp thenFailure(IOException failure) {
        return then(() -> {
            throw failure;
        });
    }

    static BasicClassicHttpResponse response(int status, String body, String... headerNamesAndValues) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(status);
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            response.addHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        response.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return response;
    }

    /** A client of this script for the given account token and limiter. */
    HttpActiveCampaignClient client(String token, ActiveCampaignRateLimiter limiter) {
        return new HttpActiveCampaignClient("https://account.api-us1.com/api/3", token, this, limiter,
                ActiveCampaignSecrets.of(token), () -> now, wait -> {
                    sleeps.add(wait);
                    now += wait.toNanos();
                    if (interruptWaits) {
                        throw new InterruptedException("stopping");
                    }
                });
    }

    @Override
    protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, HttpContext context)
            throws IOException {
        sent.add(request);
        now += attemptTakes.toNanos();
        Step step = steps.poll();
        if (step == null) {
            throw new AssertionError("more attempts than scripted: " + sent.size());
        }
        return CloseableHttpResponse.adapt(step.answer());
    }

    @Override
    public void close(CloseMode closeMode) {
        // nothing to release
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** A limiter that lets everything through and records what it was told. */
    static final class RecordingLimiter implements ActiveCampaignRateLimiter {
        final List<Duration> pauses = new ArrayList<>();
        final List<Duration> maxWaits = new ArrayList<>();
        boolean refuse;

        @Override
        public boolean acquire(Duration maxWait) {
            maxWaits.add(maxWait);
            return !refuse;
        }

        @Override
        public void pause(Duration wait) {
            pauses.add(wait);
        }

        @Override
        public double permitsPerSecond() {
            return 5;
        }
    }
}
