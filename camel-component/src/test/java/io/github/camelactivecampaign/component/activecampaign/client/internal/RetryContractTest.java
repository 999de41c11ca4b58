// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequestPolicy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The retry and time-budget contract of the HTTP client, on a fake clock with recorded waits (nothing sleeps): what
 * is retried and what is not, how long each wait is (Retry-After, capped; exponential backoff, capped), and that the
 * call's budget (callTimeout) bounds both the retries and the wait for the rate limiter.
 */
class RetryContractTest {

    private static final String TOKEN = "contract-token-31c9";
    private static final ActiveCampaignRequest GET = new ActiveCampaignRequest("deals/get", "GET", "/deals/7",
            Map.of(), null, null);
    private static final ActiveCampaignRequest POST = new ActiveCampaignRequest("deals/create", "POST", "/deals",
            Map.of(), "{\"deal\":{}}", "application/json; charset=UTF-8");

    private final ScriptedHttp http = new ScriptedHttp();
    private final ScriptedHttp.RecordingLimiter limiter = new ScriptedHttp.RecordingLimiter();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** maxAttempts, backoff 100 ms up to 10 s, callTimeout 120 s, maxRetryAfter 60 s, limiter wait 30 s. */
    private static ActiveCampaignRequestPolicy policy(int maxAttempts) {
        return policy(maxAttempts, 100, 10_000, 120_000, false);
    }

    private static ActiveCampaignRequestPolicy policy(int maxAttempts, long backoff, long maxBackoff, long callTimeout,
                                                      boolean retryNonIdempotent) {
        return new ActiveCampaignRequestPolicy(maxAttempts, Duration.ofMillis(backoff), Duration.ofMillis(maxBackoff),
                Duration.ofMillis(callTimeout), Duration.ofSeconds(60), Duration.ofSeconds(30), retryNonIdempotent,
                1_000_000, Duration.ofSeconds(30));
    }

    private ActiveCampaignResponse execute(ActiveCampaignRequest request, ActiveCampaignRequestPolicy policy) {
        return http.client(TOKEN, limiter).execute(request, policy);
    }

    private static List<Long> millis(List<Duration> waits) {
        return waits.stream().map(Duration::toMillis).toList();
    }

    @Test
    void retryAfterIsWaitedExactlyAndPausesTheWholeAccount() {
        http.thenStatus(429, "Retry-After", "7").thenStatus(200);
        ActiveCampaignResponse response = execute(GET, policy(3));
        assertThat(response.status()).isEqualTo(200);
        assertThat(http.sent).hasSize(2);
        assertThat(http.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(limiter.pauses).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterLongerThanMaxRetryAfterIsCapped() {
        http.thenStatus(429, "Retry-After", "3600").thenStatus(200);
        execute(GET, policy(3, 100, 10_000, 7_200_000, false));
        assertThat(http.sleeps).containsExactly(Duration.ofSeconds(60));
        assertThat(limiter.pauses).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void rateLimitAnswerToAPostIsRetried() {
        http.thenStatus(429, "Retry-After", "1").thenStatus(201);
        assertThat(execute(POST, policy(3)).status()).isEqualTo(201);
        assertThat(http.sent).hasSize(2);
    }

    @Test
    void rateLimitAnswerWithoutRetryAfterBacksOffAndPausesAsLong() {
        http.thenStatus(429).thenStatus(200);
        execute(GET, policy(3));
        assertThat(millis(http.sleeps)).singleElement().satisfies(wait -> assertThat(wait).isBetween(50L, 100L));
        assertThat(limiter.pauses).isEqualTo(http.sleeps);
    }

    @Test
    void retryAfterThatIsNotANumberFallsBackToTheBackoff() {
        http.thenStatus(503, "Retry-After", "soon").thenStatus(200);
        execute(GET, policy(3));
        assertThat(millis(http.sleeps)).singleElement().satisfies(wait -> assertThat(wait).isBetween(50L, 100L));
        assertThat(limiter.pauses).as("no Retry-After to share with the account").isEmpty();
    }

    @Test
    void unavailableWithRetryAfterPausesTheAccount() {
        http.thenStatus(503, "Retry-After", "2").thenStatus(200);
        execute(GET, policy(3));
        assertThat(http.sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(limiter.pauses).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void backoffDoublesWithEachRetry() {
        http.thenStatus(503).thenStatus(503).thenStatus(503).thenStatus(200);
        assertThat(execute(GET, policy(4)).status()).isEqualTo(200);
        List<Long> waits = millis(http.sleeps);
        assertThat(waits).hasSize(3);
        // equal jitter: between half and all of 100, 200, 400 ms
        assertThat(waits.get(0)).isBetween(50L, 100L);
        assertThat(waits.get(1)).isBetween(100L, 200L);
        assertThat(waits.get(2)).isBetween(200L, 400L);
    }

    @Test
    void backoffStopsGrowingAtMaxRetryBackoff() {
        for (int i = 0; i < 5; i++) {
            http.thenStatus(502);
        }
        http.thenStatus(200);
        execute(GET, policy(6, 100, 150, 120_000, false));
        List<Long> waits = millis(http.sleeps);
        assertThat(waits).hasSize(5);
        assertThat(waits.get(0)).isBetween(50L, 100L);
        // 200, 400, 800, 1600 ms capped at 150: between half and all of 150
        assertThat(waits.subList(1, 5)).allSatisfy(wait -> assertThat(wait).isBetween(75L, 150L));
    }

    @Test
    void noRetryWhoseWaitWouldOverrunTheCallTimeout() {
        http.thenStatus(429, "Retry-After", "10");
        ActiveCampaignResponse response = execute(GET, policy(3, 100, 10_000, 5_000, false));
        assertThat(response.status()).as("the 429 is the answer").isEqualTo(429);
        assertThat(http.sent).hasSize(1);
        assertThat(http.sleeps).isEmpty();
    }

    @Test
    void attemptsStopAtTheCallTimeoutDeadline() {
        // each attempt takes 400 ms of a 1000 ms budget; the second wait (100-200 ms) no longer fits
        http.attemptTakes = Duration.ofMillis(400);
        for (int i = 0; i < 10; i++) {
            http.thenStatus(503);
        }
        ActiveCampaignResponse response = execute(GET, policy(10, 200, 200, 1_000, false));
        assertThat(response.status()).isEqualTo(503);
        assertThat(http.sent).hasSize(2);
        assertThat(http.sleeps).hasSize(1);
    }

    @Test
    void transportFailuresStopAtTheCallTimeoutDeadlineToo() {
        http.attemptTakes = Duration.ofMillis(400);
        for (int i = 0; i < 10; i++) {
            http.thenFailure(new ConnectException("Connection refused"));
        }
        ActiveCampaignTransportException e = catchThrowableOfType(ActiveCampaignTransportException.class,
                () -> execute(GET, policy(10, 200, 200, 1_000, false)));
        assertThat(http.sent).hasSize(2);
        assertThat(e.getMessage()).contains("gave up after 2 attempts");
    }

    @Test
    void rateLimiterWaitIsBoundedByWhatIsLeftOfTheCallTimeout() {
        http.thenStatus(200);
        execute(GET, policy(3, 100, 10_000, 1_000, false));
        assertThat(limiter.maxWaits).containsExactly(Duration.ofSeconds(1));

        http.thenStatus(200);
        execute(GET, new ActiveCampaignRequestPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10),
                Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofMillis(300), false, 1_000_000,
                Duration.ofSeconds(30)));
        assertThat(limiter.maxWaits).last().isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void limiterRefusalSendsNothingAndNamesNoSecret() {
        limiter.refuse = true;
        ActiveCampaignTransportException e = catchThrowableOfType(ActiveCampaignTransportException.class,
                () -> execute(GET, policy(3)));
        assertThat(e.getReason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.getMessage()).contains("maxRateLimitWait").doesNotContain(TOKEN);
        assertThat(http.sent).isEmpty();
        assertThat(http.sleeps).as("not retried").isEmpty();
    }

    @Test
    void tlsFailureIsNotRetried() {
        http.thenFailure(new SSLHandshakeException("PKIX path building failed"));
        ActiveCampaignTransportException e = catchThrowableOfType(ActiveCampaignTransportException.class,
                () -> execute(GET, policy(3)));
        assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
        assertThat(http.sent).hasSize(1);
        assertThat(http.sleeps).isEmpty();
    }

    @Test
    void unknownHostIsNotRetried() {
        http.thenFailure(new UnknownHostException("account.api-us1.com"));
        assertThatThrownBy(() -> execute(GET, policy(3))).isInstanceOf(ActiveCampaignTransportException.class);
        assertThat(http.sent).hasSize(1);
    }

    @Test
    void refusedConnectionIsRetriedEvenForAPost() {
        http.thenFailure(new ConnectException("Connection refused")).thenStatus(201);
        assertThat(execute(POST, policy(3)).status()).isEqualTo(201);
        assertThat(http.sent).hasSize(2);
    }

    @Test
    void resetIsRetriedForAGetButNotForAPostUnlessTheEndpointOptsIn() {
        http.thenFailure(new SocketException("Connection reset")).thenStatus(200);
        assertThat(execute(GET, policy(3)).status()).isEqualTo(200);
        assertThat(http.sent).hasSize(2);

        http.sent.clear();
        http.thenFailure(new SocketException("Connection reset"));
        assertThatThrownBy(() -> execute(POST, policy(3))).isInstanceOf(ActiveCampaignTransportException.class);
        assertThat(http.sent).as("a POST may have been processed").hasSize(1);

        http.sent.clear();
        http.thenFailure(new SocketException("Connection reset")).thenStatus(201);
        assertThat(execute(POST, policy(3, 100, 10_000, 120_000, true)).status()).isEqualTo(201);
        assertThat(http.sent).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedOnlyWhenTransientAndIdempotent() {
        http.thenStatus(500);
        assertThat(execute(GET, policy(3)).status()).isEqualTo(500);
        assertThat(http.sent).hasSize(1);

        http.sent.clear();
        http.thenStatus(503);
        assertThat(execute(POST, policy(3)).status()).isEqualTo(503);
        assertThat(http.sent).hasSize(1);
    }

    @Test
    void authorizationRefusalIsFinalButAThrottling403IsRetried() {
        http.then(() -> ScriptedHttp.response(403, "{\"message\":\"You are not authorized to access this resource\"}"));
        assertThat(execute(GET, policy(3)).status()).isEqualTo(403);
        assertThat(http.sent).hasSize(1);

        http.sent.clear();
        http.then(() -> ScriptedHttp.response(403, "<html>Request blocked</html>")).thenStatus(200);
        assertThat(execute(GET, policy(3)).status()).isEqualTo(200);
        assertThat(http.sent).hasSize(2);
    }

    @Test
    void lastAttemptAnswerIsReturnedAfterMaxAttempts() {
        http.thenStatus(429, "Retry-After", "0").thenStatus(429, "Retry-After", "0");
        assertThat(execute(GET, policy(2)).status()).isEqualTo(429);
        assertThat(http.sent).hasSize(2);
        assertThat(http.sleeps).containsExactly(Duration.ZERO);
    }

    @Test
    void timeoutMessageNamesTheTimeoutAndNoSecret() {
        http.thenFailure(new SocketTimeoutException("Read timed out after sending " + TOKEN));
        ActiveCampaignTransportException e = catchThrowableOfType(ActiveCampaignTransportException.class,
                () -> execute(POST, policy(1)));
        assertThat(e.getReason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.getMessage()).contains("deals/create timed out").contains("responseTimeout (30000 ms)")
                .contains("account.api-us1.com").doesNotContain(TOKEN);
    }

    @Test
    void unreachableMessageQuotesTheLibraryWithoutTheSecret() {
        // a garbled response whose header line echoes the token: the library quotes it in its message
        http.thenFailure(new IOException("Invalid header: Api-Token: " + TOKEN));
        ActiveCampaignTransportException e = catchThrowableOfType(ActiveCampaignTransportException.class,
                () -> execute(POST, policy(1)));
        assertThat(e.getReason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("could not reach https://account.api-us1.com")
                .contains("Invalid header").doesNotContain(TOKEN);
    }

    @Test
    void waitInterruptedEndsTheCallAndKeepsTheInterrupt() {
        http.interruptWaits = true;
        http.thenStatus(503);
        ActiveCampaignTransportException e = catchThrowableOfType(ActiveCampaignTransportException.class,
                () -> execute(GET, policy(3)));
        assertThat(e.getReason()).isEqualTo(Reason.INTERRUPTED);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(http.sent).hasSize(1);
    }

    @Test
    void tokenIsSentOnlyToTheApiAndTheRateLimitHeadersArePassedOn() throws Exception {
        http.thenStatus(200, "RateLimit-Remaining", "3", "Set-Cookie", "a=b");
        ActiveCampaignResponse response = execute(GET, policy(1));
        assertThat(http.sent.get(0).getFirstHeader(HttpActiveCampaignClient.TOKEN_HEADER).getValue()).isEqualTo(TOKEN);
        assertThat(http.sent.get(0).getUri().toString()).isEqualTo("https://account.api-us1.com/api/3/deals/7");
        assertThat(response.headers()).containsEntry("ratelimit-remaining", "3").doesNotContainKey("set-cookie");

        http.thenStatus(200);
        new HttpActiveCampaignClient("https://trackcmp.net/event", null, http, null).execute(POST, policy(1));
        assertThat(http.sent.get(1).getFirstHeader(HttpActiveCampaignClient.TOKEN_HEADER)).isNull();
    }

    @Test
    void jsonBodyIsSentAsJson() throws Exception {
        http.thenStatus(201);
        execute(POST, policy(1));
        assertThat(http.sent.get(0).getEntity().getContentType()).isEqualTo("application/json; charset=UTF-8");
    }
}
