// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.scaleout;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignAccount;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignException;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignAccountKey;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiterFactory;
import io.github.camelactivecampaign.component.activecampaign.client.internal.RedisRateLimiterFactory;
import io.github.camelactivecampaign.component.activecampaign.client.internal.SharedRateLimiter;
import io.github.camelactivecampaign.simulator.ActiveCampaignSimulator;
import io.github.camelactivecampaign.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared budget chosen the ways an application chooses it: rateLimitBackend=postgresql with the registry's
 * DataSource, a rateLimiterFactory bean (Redis) found in the registry, and a wrong backend refused at start.
 */
class SharedBudgetComponentTest {

    @RegisterExtension
    final TestPostgres postgres = new TestPostgres();
    @RegisterExtension
    final TestRedis redis = new TestRedis();

    private ActiveCampaignSimulator simulator;
    private CamelContext context;

    @BeforeEach
    void startSimulator() {
        simulator = ActiveCampaignSimulator.builder().rateLimit(0).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        simulator.close();
    }

    private ActiveCampaignComponent component() {
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.getConfiguration().setApiKey(simulator.token());
        component.getConfiguration().setMaxAttempts(1);
        return component;
    }

    @Test
    void postgresqlBackendWithTheRegistrysDataSourceSharesTheServicesPause() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("accountsDb", DataSource.class, postgres.dataSource());
        ActiveCampaignComponent component = component();
        component.setRateLimitBackend("postgresql");
        context.addComponent("activecampaign", component);
        context.start();

        assertThat(context.createProducerTemplate().requestBody("activecampaign:tags/list", (Object) null))
                .isNotNull();
        simulator.failNext(1, Fault.status(429).withRetryAfter(30));
        Exchange refused = context.createProducerTemplate().request("activecampaign:tags/list", e -> { });
        assertThat(refused.getException()).isInstanceOf(ActiveCampaignException.class);

        // another replica of the application, with a pool of its own, sees the pause the 429 asked for
        try (ActiveCampaignRateLimiterFactory replica = ActiveCampaignRateLimiterFactory.postgresql(
                postgres.newDataSource(1))) {
            SharedRateLimiter limiter = (SharedRateLimiter) replica.create(
                    ActiveCampaignAccountKey.of(simulator.baseUrl(), simulator.token()), 5);
            assertThat(limiter.pauseRemaining()).isGreaterThan(Duration.ofSeconds(20));
            assertThat(limiter.acquire(Duration.ofMillis(100))).isFalse();
        }
        ActiveCampaignAccount account = component.getAccounts().get(0);
        assertThat(account.getBackend()).isEqualTo("postgresql");
        assertThat(account.getRetryAfterPauses()).isEqualTo(1);
        assertThat(account.getPauseRemainingMillis()).isGreaterThan(20_000);
    }

    @Test
    void aRateLimiterFactoryBeanInTheRegistryIsUsed() throws Exception {
        context = new DefaultCamelContext();
        try (RedisRateLimiterFactory factory = RedisRateLimiterFactory.connect(redis.uri(), redis.prefix())) {
            context.getRegistry().bind("budgets", ActiveCampaignRateLimiterFactory.class, factory);
            ActiveCampaignComponent component = component();
            context.addComponent("activecampaign", component);
            context.start();

            context.createProducerTemplate().requestBody("activecampaign:tags/list", (Object) null);

            assertThat(component.getRateLimiterFactory()).as("autowired from the registry").isSameAs(factory);
            assertThat(component.getAccounts().get(0).getBackend()).isEqualTo("redis");
            assertThat(redis.keys()).anySatisfy(key -> assertThat(key).contains(simulator.baseUrl()));
            context.close();
            context = null;
        }
    }

    @Test
    void anUnknownBackendIsRefusedWhenTheApplicationStarts() {
        context = new DefaultCamelContext();
        ActiveCampaignComponent component = component();
        component.setRateLimitBackend("mysql");

        assertThatThrownBy(() -> context.addComponent("activecampaign", component))
                .hasStackTraceContaining("rateLimitBackend must be local, postgresql or redis, was 'mysql'");
    }
}
