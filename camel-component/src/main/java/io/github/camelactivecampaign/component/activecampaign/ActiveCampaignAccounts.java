// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.management.ObjectName;
import javax.sql.DataSource;

import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignAccountKey;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiterFactory;
import io.github.camelactivecampaign.component.activecampaign.client.internal.AccountRateLimiters;
import io.github.camelactivecampaign.component.activecampaign.client.internal.MeteredRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.internal.UnpacedRateLimiter;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.spi.ManagementStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts of a component: for each, its request budget (in this JVM, PostgreSQL or Redis, as the component's
 * options say), its JMX object and its readiness check.
 */
final class ActiveCampaignAccounts {

    static final String LOCAL = "local";
    static final String POSTGRESQL = "postgresql";
    static final String REDIS = "redis";
    /** The backend shown for an account whose requests are not paced (rateLimitEnabled=false). */
    static final String OFF = "off";
    static final Set<String> BACKENDS = Set.of(LOCAL, POSTGRESQL, REDIS);
    /** The health-check repository of producers: {@code healthCheckProducerEnabled} turns its checks on. */
    private static final String PRODUCERS = "producers";

    private static final Logger LOG = LoggerFactory.getLogger(ActiveCampaignAccounts.class);

    private final ActiveCampaignComponent component;
    private final Map<ActiveCampaignAccountKey, ActiveCampaignAccount> accounts = new LinkedHashMap<>();
    private final Map<ActiveCampaignAccount, ObjectName> managed = new LinkedHashMap<>();
    /** A factory this class opened from the options (not one the application bound): closed on stop. */
    private ActiveCampaignRateLimiterFactory ownFactory;

    ActiveCampaignAccounts(ActiveCampaignComponent component) {
        this.component = component;
    }

    /**
     * The limiter of an endpoint's account, counted: an unpaced one with rateLimitEnabled=false (a Retry-After still
     * holds the account), else the endpoint's own rateLimiter when it has one, else the one the component's factory
     * or backend gives the account. The first endpoint of an account decides; an endpoint that asks for another
     * limiter gets it, uncounted.
     */
    synchronized ActiveCampaignRateLimiter limiter(ActiveCampaignEndpoint endpoint) {
        ActiveCampaignConfiguration config = endpoint.getConfiguration();
        boolean paced = config.isRateLimitEnabled();
        ActiveCampaignRateLimiter configured = paced ? config.getRateLimiter() : null;
        ActiveCampaignAccountKey key = ActiveCampaignAccountKey.of(endpoint.targetUrl(), config.getApiKey());
        ActiveCampaignAccount account = accounts.get(key);
        if (account == null) {
            MeteredRateLimiter limiter = !paced ? new MeteredRateLimiter(new UnpacedRateLimiter(), OFF)
                    : configured != null ? new MeteredRateLimiter(configured, "custom")
                    : create(key, endpoint);
            account = new ActiveCampaignAccount(key, limiter);
            accounts.put(key, account);
            manage(account);
            return limiter;
        }
        boolean accountPaced = !OFF.equals(account.limiter().backend());
        if (paced != accountPaced) {
            // endpoints of one account that disagree on rateLimitEnabled: each gets what it asked for
            return paced ? create(key, endpoint) : new UnpacedRateLimiter();
        }
        if (configured != null && configured != account.limiter().delegate()) {
            return configured;
        }
        return account.limiter();
    }

    private MeteredRateLimiter create(ActiveCampaignAccountKey key, ActiveCampaignEndpoint endpoint) {
        ActiveCampaignConfiguration config = endpoint.getConfiguration();
        ActiveCampaignRateLimiterFactory factory = factory();
        if (factory == null) {
            return new MeteredRateLimiter(AccountRateLimiters.forAccount(key.baseUrl(), config.getApiKey(),
                    config.getRateLimit()), LOCAL);
        }
        try {
            return new MeteredRateLimiter(factory.create(key, config.getRateLimit()), factory.backend());
        } catch (NoClassDefFoundError e) {
            throw missingLibrary(factory.backend(), e);
        }
    }

    /** The factory of shared budgets: the bound one, else the backend's; null for the JVM-local default. */
    private ActiveCampaignRateLimiterFactory factory() {
        if (component.getRateLimiterFactory() != null) {
            return component.getRateLimiterFactory();
        }
        if (ownFactory != null) {
            return ownFactory;
        }
        String backend = backend();
        try {
            switch (backend) {
                case POSTGRESQL -> ownFactory = ActiveCampaignRateLimiterFactory.postgresql(dataSource());
                case REDIS -> ownFactory = ActiveCampaignRateLimiterFactory.redis(component.getRateLimitRedisUri());
                default -> {
                    return null;
                }
            }
        } catch (NoClassDefFoundError e) {
            throw missingLibrary(backend, e);
        }
        LOG.info("ActiveCampaign accounts share their request budget in {}", backend);
        return ownFactory;
    }

    private static IllegalStateException missingLibrary(String backend, NoClassDefFoundError e) {
        String library = POSTGRESQL.equals(backend) ? "com.bucket4j:bucket4j_jdk17-postgresql"
                : REDIS.equals(backend) ? "com.bucket4j:bucket4j_jdk17-lettuce and io.lettuce:lettuce-core"
                : "the library of the rate limiter factory";
        return new IllegalStateException("rateLimitBackend=" + backend + " needs " + library + " on the classpath "
                                         + "(see docs/scale-out.md); missing: " + e.getMessage(), e);
    }

    String backend() {
        String backend = component.getRateLimitBackend() == null ? LOCAL
                : component.getRateLimitBackend().strip().toLowerCase(Locale.ROOT);
        if (!BACKENDS.contains(backend)) {
            throw new IllegalArgumentException("rateLimitBackend must be local, postgresql or redis, was '"
                                               + component.getRateLimitBackend() + "'");
        }
        return component.getRateLimiterFactory() != null ? component.getRateLimiterFactory().backend() : backend;
    }

    private DataSource dataSource() {
        if (component.getRateLimitDataSource() != null) {
            return component.getRateLimitDataSource();
        }
        Set<DataSource> found = component.getCamelContext().getRegistry().findByType(DataSource.class);
        if (found.size() != 1) {
            throw new IllegalArgumentException("rateLimitBackend=postgresql needs a DataSource: set "
                                               + "rateLimitDataSource on the activecampaign component (e.g. "
                                               + "#bean:myDataSource); the registry holds " + found.size()
                                               + " DataSources, so none could be chosen");
        }
        return found.iterator().next();
    }

    /** Registers the readiness check of an account whose shared client was just created. */
    synchronized void addHealthCheck(ActiveCampaignEndpoint endpoint, ActiveCampaignClient client) {
        ActiveCampaignAccountKey key = ActiveCampaignAccountKey.of(endpoint.targetUrl(),
                endpoint.getConfiguration().getApiKey());
        ActiveCampaignAccount account = accounts.get(key);
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                component.getCamelContext(), PRODUCERS, WritableHealthCheckRepository.class);
        if (account == null || repository == null) {
            return;
        }
        ActiveCampaignAccountHealthCheck check = new ActiveCampaignAccountHealthCheck(key, client,
                endpoint.getConfiguration().getResponseTimeout());
        check.setEnabled(component.isHealthCheckProducerEnabled());
        repository.addHealthCheck(check);
        account.setHealthCheck(check);
    }

    /** Removes the readiness check of an account whose shared client was closed. */
    synchronized void removeHealthCheck(ActiveCampaignClient client) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                component.getCamelContext(), PRODUCERS, WritableHealthCheckRepository.class);
        for (ActiveCampaignAccount account : accounts.values()) {
            ActiveCampaignAccountHealthCheck check = account.healthCheck();
            if (check != null && check.usesClient(client)) {
                account.setHealthCheck(null);
                if (repository != null) {
                    repository.removeHealthCheck(check);
                }
            }
        }
    }

    synchronized List<ActiveCampaignAccount> all() {
        return new ArrayList<>(accounts.values());
    }

    /** Forgets the accounts: JMX objects unregistered, checks removed, the backend's connection closed. */
    synchronized void stop() {
        managed.values().forEach(this::unmanage);
        managed.clear();
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                component.getCamelContext(), PRODUCERS, WritableHealthCheckRepository.class);
        for (ActiveCampaignAccount account : accounts.values()) {
            if (account.healthCheck() != null && repository != null) {
                repository.removeHealthCheck(account.healthCheck());
            }
        }
        accounts.clear();
        if (ownFactory != null) {
            ownFactory.close();
            ownFactory = null;
        }
    }

    /** Registers the account as a JMX MBean beside the context's own, when JMX is on. */
    private void manage(ActiveCampaignAccount account) {
        CamelContext context = component.getCamelContext();
        ManagementStrategy strategy = context.getManagementStrategy();
        ManagementAgent agent = strategy == null ? null : strategy.getManagementAgent();
        if (agent == null || strategy.getManagementObjectNameStrategy() == null) {
            return;
        }
        try {
            String contextKey = strategy.getManagementObjectNameStrategy().getObjectNameForCamelContext(context)
                    .getKeyProperty("context");
            ObjectName name = new ObjectName(agent.getMBeanObjectDomainName() + ":context=" + contextKey
                                             + ",type=activecampaign,name="
                                             + ObjectName.quote(account.getKey().id()));
            agent.register(account, name);
            managed.put(account, name);
        } catch (Exception e) {
            LOG.warn("Could not register the JMX MBean of ActiveCampaign account {}: {}", account.getBaseUrl(),
                    e.getMessage());
        }
    }

    private void unmanage(ObjectName name) {
        try {
            ManagementAgent agent = component.getCamelContext().getManagementStrategy().getManagementAgent();
            if (agent != null) {
                agent.unregister(name);
            }
        } catch (Exception e) {
            LOG.debug("Could not unregister {}: {}", name, e.getMessage());
        }
    }
}
