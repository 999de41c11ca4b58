// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backoff of a policy (exponential with equal jitter, capped), what counts as a success, and how a request's
 * query is encoded and changed for the next page.
 */
class RequestPolicyAndResponseTest {

    private static ActiveCampaignRequestPolicy policy(long initialMillis, long maxMillis) {
        return new ActiveCampaignRequestPolicy(3, Duration.ofMillis(initialMillis), Duration.ofMillis(maxMillis),
                Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofSeconds(30), false, 1, Duration.ofSeconds(1));
    }

    @RepeatedTest(20)
    void backoffDoublesFromTheInitialOneWithinHalfAndAll() {
        ActiveCampaignRequestPolicy policy = policy(1000, 1_000_000);
        assertThat(policy.backoff(1).toMillis()).isBetween(500L, 1000L);
        assertThat(policy.backoff(2).toMillis()).isBetween(1000L, 2000L);
        assertThat(policy.backoff(4).toMillis()).isBetween(4000L, 8000L);
        assertThat(policy.backoff(0).toMillis()).as("before the first retry: as the first").isBetween(500L, 1000L);
    }

    @RepeatedTest(20)
    void backoffIsCappedAndNeverOverflows() {
        ActiveCampaignRequestPolicy policy = policy(1000, 10_000);
        assertThat(policy.backoff(5).toMillis()).isBetween(5000L, 10_000L);
        assertThat(policy.backoff(1_000).toMillis()).isBetween(5000L, 10_000L);
        assertThat(policy.backoff(Integer.MAX_VALUE).toMillis()).isBetween(5000L, 10_000L);
    }

    @Test
    void backoffOfNothingIsNothing() {
        assertThat(policy(0, 10_000).backoff(3)).isEqualTo(Duration.ZERO);
        assertThat(policy(1, 10_000).backoff(1)).isEqualTo(Duration.ZERO);
    }

    @Test
    void successIsTwoHundredToTwoNinetyNine() {
        assertThat(response(199).isSuccess()).isFalse();
        assertThat(response(200).isSuccess()).isTrue();
        assertThat(response(299).isSuccess()).isTrue();
        assertThat(response(300).isSuccess()).isFalse();
        assertThat(response(200).header("RateLimit-Remaining")).isEqualTo("3");
        assertThat(response(200).header("Retry-After")).isNull();
    }

    private static ActiveCampaignResponse response(int status) {
        return new ActiveCampaignResponse(status, "", "", null, Map.of("ratelimit-remaining", "3"));
    }

    @Test
    void queryIsEncodedInOrderAndReplacedForTheNextPage() {
        ActiveCampaignRequest request = new ActiveCampaignRequest("deals/list", "GET", "/deals",
                Map.of("filters[title]", List.of("a b+c*~")), null, null);
        assertThat(request.pathAndQuery()).isEqualTo("/deals?filters%5Btitle%5D=a%20b%2Bc%2A~");
        assertThat(request.queryValue("filters[title]")).isEqualTo("a b+c*~");
        assertThat(request.queryValue("offset")).isNull();
        ActiveCampaignRequest next = request.withQuery(Map.of("offset", List.of("100")));
        assertThat(next.queryValue("offset")).isEqualTo("100");
        assertThat(next.pathAndQuery()).endsWith("&offset=100");
        assertThat(request.queryValue("offset")).as("the first request is unchanged").isNull();
        assertThat(new ActiveCampaignRequest("x", "GET", "/p", Map.of("a", List.of()), null, null).queryValue("a"))
                .isNull();
        assertThat(new ActiveCampaignRequest("x", "GET", "/p", Map.of(), null, null).pathAndQuery()).isEqualTo("/p");
        assertThat(new ActiveCampaignRequest("x", "GET", "/p", Map.of("ids[]", List.of("1", "2")), null, null)
                .pathAndQuery()).isEqualTo("/p?ids%5B%5D=1&ids%5B%5D=2");
    }

    @Test
    void transportExceptionKeepsOperationAndReason() {
        ActiveCampaignTransportException e = new ActiveCampaignTransportException("m", "deals/get",
                ActiveCampaignTransportException.Reason.TIMEOUT, null);
        assertThat(e.getOperation()).isEqualTo("deals/get");
        assertThat(e.getReason()).isEqualTo(ActiveCampaignTransportException.Reason.TIMEOUT);
    }
}
