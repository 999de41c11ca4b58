// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignAccountKey;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiterFactory;
import io.github.camelactivecampaign.component.activecampaign.client.internal.SharedRateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a shared budget promises, whatever holds it. Each factory stands for one replica of an application (its own
 * connections); the budgets are slow enough (a token every 100 s) that a token taken in a test is not given back
 * while the test runs.
 */
abstract class SharedBudgetContract {

    static final String TOKEN = "0123456789abcdef0123456789abcdef-secret-token";
    static final ActiveCampaignAccountKey ACCOUNT = ActiveCampaignAccountKey.of("https://shared.api-us1.com/api/3",
            TOKEN);
    static final ActiveCampaignAccountKey OTHER_ACCOUNT = ActiveCampaignAccountKey.of(
            "https://other.api-us1.com/api/3", TOKEN);
    static final double SLOW = 0.01;

    private final List<ActiveCampaignRateLimiterFactory> factories = new ArrayList<>();

    /** A new replica's factory over the test's store. */
    abstract ActiveCampaignRateLimiterFactory newFactory();

    /** The keys (ids) the store holds, for the test's accounts. */
    abstract List<String> storedKeys() throws Exception;

    abstract String backend();

    ActiveCampaignRateLimiterFactory replica() {
        ActiveCampaignRateLimiterFactory factory = newFactory();
        factories.add(factory);
        return factory;
    }

    @AfterEach
    void closeReplicas() {
        factories.forEach(ActiveCampaignRateLimiterFactory::close);
        factories.clear();
    }

    @Test
    void replicasOfAnAccountTakeTurnsFromOneBucket() throws Exception {
        ActiveCampaignRateLimiter first = replica().create(ACCOUNT, SLOW);
        ActiveCampaignRateLimiter second = replica().create(ACCOUNT, SLOW);
        ActiveCampaignRateLimiter otherAccount = replica().create(OTHER_ACCOUNT, SLOW);

        assertThat(first.acquire(Duration.ZERO)).as("the account's first request").isTrue();
        assertThat(second.acquire(Duration.ZERO)).as("another replica, same account: the turn is taken").isFalse();
        assertThat(otherAccount.acquire(Duration.ZERO)).as("another account has a budget of its own").isTrue();
        assertThat(first.permitsPerSecond()).isEqualTo(SLOW);
    }

    @Test
    void aRequestThatWouldWaitLongerThanAllowedIsRefusedAndOneAllowedToWaitGetsItsTurn() throws Exception {
        ActiveCampaignRateLimiter first = replica().create(ACCOUNT, 2);
        ActiveCampaignRateLimiter second = replica().create(ACCOUNT, 2);

        assertThat(first.acquire(Duration.ZERO)).isTrue();
        // the next turn is half a second away
        assertThat(second.acquire(Duration.ofMillis(50))).as("would wait longer than allowed").isFalse();
        assertThat(second.acquire(Duration.ofSeconds(30))).as("may wait for its turn").isTrue();
    }

    @Test
    void aPauseSeenByOneReplicaHoldsEveryReplicaOfTheAccount() throws Exception {
        ActiveCampaignRateLimiter first = replica().create(ACCOUNT, 1000);
        SharedRateLimiter second = (SharedRateLimiter) replica().create(ACCOUNT, 1000);
        ActiveCampaignRateLimiter otherAccount = replica().create(OTHER_ACCOUNT, 1000);

        first.pause(Duration.ofSeconds(60));

        assertThat(second.backend()).isEqualTo(backend());
        assertThat(second.pauseRemaining()).as("the pause, seen from another replica")
                .isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(second.acquire(Duration.ofMillis(100))).as("paused longer than the request may wait").isFalse();
        assertThat(otherAccount.acquire(Duration.ZERO)).as("another account is not paused").isTrue();

        first.pause(Duration.ofSeconds(1));
        assertThat(second.pauseRemaining()).as("a shorter Retry-After does not cut a longer pause")
                .isGreaterThan(Duration.ofSeconds(50));
    }

    @Test
    void aRequestWaitsOutAShortPauseThenGoes() throws Exception {
        ActiveCampaignRateLimiter first = replica().create(ACCOUNT, 1000);
        SharedRateLimiter second = (SharedRateLimiter) replica().create(ACCOUNT, 1000);

        first.pause(Duration.ofMillis(300));

        assertThat(second.acquire(Duration.ofSeconds(30))).isTrue();
        assertThat(second.pauseRemaining()).as("let through only once the pause was over").isZero();
    }

    @Test
    void theStoreKnowsTheAccountByItsUrlAndADigestNeverByItsToken() throws Exception {
        replica().create(ACCOUNT, 1000).acquire(Duration.ZERO);
        replica().create(ACCOUNT, 1000).pause(Duration.ofSeconds(5));

        List<String> keys = storedKeys();
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(key).contains(ACCOUNT.baseUrl()).contains(ACCOUNT.tokenDigest());
            assertThat(key).doesNotContain(TOKEN).doesNotContain("secret-token");
        });
        assertThat(ACCOUNT.toString()).doesNotContain(TOKEN);
    }
}
