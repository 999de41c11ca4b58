// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignAccountKey;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequestPolicy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of one account: does the service accept its token? Asks {@code GET /users/me} through the account's
 * client, so the question counts against the account's budget like any request and waits at most
 * {@link #MAX_BUDGET_WAIT} for it; the answer is kept for a while ({@link #KEEP_UP}, {@link #KEEP_DOWN}) so that
 * frequent probes cost the account almost nothing. It is the component's producer health check
 * ({@code healthCheckProducerEnabled}).
 */
public final class ActiveCampaignAccountHealthCheck implements HealthCheck {

    static final String OPERATION = "users/me";
    static final Duration KEEP_UP = Duration.ofSeconds(60);
    static final Duration KEEP_DOWN = Duration.ofSeconds(15);
    static final Duration MAX_BUDGET_WAIT = Duration.ofSeconds(2);

    private final String id;
    private final ActiveCampaignAccountKey account;
    private final ActiveCampaignClient client;
    private final ActiveCampaignRequestPolicy policy;
    private volatile boolean enabled = true;
    private Answer last;

    /** One answer of the service, kept until it is stale. */
    private record Answer(State state, String message, Integer status, long atNanos) {
        boolean fresh() {
            Duration keep = state == State.UP ? KEEP_UP : KEEP_DOWN;
            return System.nanoTime() - atNanos < keep.toNanos();
        }
    }

    ActiveCampaignAccountHealthCheck(ActiveCampaignAccountKey account, ActiveCampaignClient client,
                                     int responseTimeoutMillis) {
        // two tokens of one account are two checks: a short digest of the token tells them apart
        this.id = "activecampaign-account:" + account.baseUrl() + "#" + account.tokenDigest().substring(0, 8);
        this.account = account;
        this.client = client;
        Duration timeout = Duration.ofMillis(responseTimeoutMillis);
        this.policy = new ActiveCampaignRequestPolicy(1, Duration.ZERO, Duration.ZERO, timeout.plus(MAX_BUDGET_WAIT),
                Duration.ZERO, MAX_BUDGET_WAIT, false, 1024 * 1024, timeout);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getGroup() {
        return "activecampaign";
    }

    @Override
    public boolean isLiveness() {
        // a refused token makes the application unable to work, not broken: restarting it would not help
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Answer answer = answer();
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).state(answer.state())
                .message(answer.message()).detail("account", account.baseUrl());
        if (answer.status() != null) {
            builder.detail(HTTP_RESPONSE_CODE, answer.status());
        }
        return builder.build();
    }

    boolean usesClient(ActiveCampaignClient other) {
        return client == other;
    }

    /** What the last answer said, for the dev console and JMX: accepted, refused, or not checked yet. */
    public synchronized String tokenState() {
        if (last == null) {
            return "not checked";
        }
        return switch (last.state()) {
            case UP -> "accepted";
            case DOWN -> "refused or unreachable: " + last.message();
            default -> "unknown: " + last.message();
        };
    }

    private synchronized Answer answer() {
        if (last != null && last.fresh()) {
            return last;
        }
        Answer answer = ask();
        if (answer != null) {
            last = answer;
            return answer;
        }
        // the budget is busy: do not take a slot from the routes; the last answer, however old, is the best we have
        return last != null ? last
                : new Answer(State.UNKNOWN, "Not checked yet: the account's request budget is in use", null,
                        System.nanoTime());
    }

    /** Asks the service; null when the budget had no room for the question within MAX_BUDGET_WAIT. */
    private Answer ask() {
        long now = System.nanoTime();
        ActiveCampaignResponse response;
        try {
            response = client.execute(new ActiveCampaignRequest(OPERATION, "GET", "/users/me", Map.of(), null, null),
                    policy);
        } catch (ActiveCampaignTransportException e) {
            if (e.getReason() == ActiveCampaignTransportException.Reason.RATE_LIMITED) {
                return null;
            }
            return new Answer(State.DOWN, "ActiveCampaign could not be reached: " + e.getMessage(), null, now);
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Answer(State.UP, "ActiveCampaign accepts the account's API token", status, now);
        }
        if (status == 429) {
            return null;
        }
        if (status == 401 || status == 403 && response.body().toLowerCase(Locale.ROOT).contains("not authorized")) {
            return new Answer(State.DOWN, "ActiveCampaign refuses the API token (HTTP " + status + "): check apiKey "
                                          + "and baseUrl under Settings > Developer", status, now);
        }
        return new Answer(State.DOWN, "ActiveCampaign answered HTTP " + status + " to " + OPERATION, status, now);
    }
}
