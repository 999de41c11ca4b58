// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.sql.DataSource;

import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiterFactory;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignSecrets;
import io.github.camelactivecampaign.component.activecampaign.client.internal.HttpActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.internal.HttpClientFactory;
import io.github.camelactivecampaign.component.activecampaign.consumer.FileCursorStateRepository;
import io.github.camelactivecampaign.component.activecampaign.webhook.ActiveCampaignWebhookEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaches every operation of the ActiveCampaign REST API v3: {@code activecampaign:resource/operation}.
 */
@Component("activecampaign")
public class ActiveCampaignComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveCampaignComponent.class);

    @Metadata(description = "Options shared by every endpoint of the component")
    private ActiveCampaignConfiguration configuration = new ActiveCampaignConfiguration();
    @Metadata(label = "advanced,scaleout", defaultValue = "local", enums = "local,postgresql,redis")
    private String rateLimitBackend = ActiveCampaignAccounts.LOCAL;
    @Metadata(label = "advanced,scaleout")
    private DataSource rateLimitDataSource;
    @Metadata(label = "advanced,scaleout", secret = true)
    private String rateLimitRedisUri;
    @Metadata(label = "advanced,scaleout", autowired = true)
    private ActiveCampaignRateLimiterFactory rateLimiterFactory;

    /** The accounts the endpoints call: their budgets, JMX objects and readiness checks. */
    private final ActiveCampaignAccounts accounts = new ActiveCampaignAccounts(this);

    /** One client per account (base URL + token), shared by the endpoints of the account. */
    private final Map<String, SharedClient> clients = new HashMap<>();
    /** The cursor files of stateFile, one repository per file however many consumers share it. */
    private final Map<Path, FileCursorStateRepository> cursorFiles = new HashMap<>();
    /**
     * The deepest JSON the component reads or writes. ActiveCampaign's records are a few levels deep; a body nested
     * deeper is a runaway or cyclic structure, refused before it can exhaust the stack.
     */
    public static final int MAX_JSON_NESTING_DEPTH = 200;

    /**
     * The one ObjectMapper of the component: read and write request and response bodies, convert models. Bounded in
     * nesting depth both ways; content after the JSON value (garbage, NUL padding) is an error, not ignored.
     */
    private ObjectMapper effectiveObjectMapper;
    @Metadata(label = "advanced", description = "An ObjectMapper of your own (e.g. camel-jackson's or your"
                                                + " application's, with its modules) to write request bodies and read"
                                                + " responses and models with. The component uses a copy, tolerant of"
                                                + " unknown properties and bounded in nesting depth.")
    private ObjectMapper objectMapper;

    private static final class SharedClient {
        final ActiveCampaignClient client;
        int users;

        SharedClient(ActiveCampaignClient client) {
            this.client = client;
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (ActiveCampaignWebhookEndpoint.PATH.equals(remaining.startsWith("//") ? remaining.substring(2) : remaining)) {
            ActiveCampaignEndpoint webhook = ActiveCampaignWebhookEndpoint.create(uri, this, configuration.copy());
            setProperties(webhook, parameters);
            webhook.bindOperationOptions(parameters);
            return webhook;
        }
        ActiveCampaignOperation operation = resolveOperation(uri, remaining);
        ActiveCampaignEndpoint endpoint = new ActiveCampaignEndpoint(uri, this, operation, configuration.copy());
        endpoint.setRawQueryParameters(extractBracketParameters(operation, parameters));
        // written exactly as an operation parameter (contacts/list?listid=3), it is that parameter, not the endpoint
        // option that Camel would bind ignoring case (the consumer's listId)
        Map<String, Object> exact = new LinkedHashMap<>();
        operation.parameters().forEach(p -> {
            if (parameters.containsKey(p.option())) {
                exact.put(p.option(), parameters.remove(p.option()));
            }
        });
        setProperties(endpoint, parameters);
        parameters.putAll(exact);
        endpoint.bindOperationOptions(parameters);
        return endpoint;
    }

    /** Short consumer URIs: activecampaign:activities, activecampaign:trackingLogs. */
    static final Map<String, String> ALIASES = Map.of(
            "activities", "activities/list",
            "trackingLogs", "contacts/trackingLogs");

    private static ActiveCampaignOperation resolveOperation(String uri, String remaining) {
        String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        String name = ALIASES.getOrDefault(path, path);
        return ActiveCampaignCatalog.getInstance().find(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown ActiveCampaign operation '" + name + "' in " + URISupport.sanitizeUri(uri)
                + ". Use activecampaign:resource/operation, e.g. activecampaign:deals/update?id=7. Closest "
                + "operations: " + String.join(", ", ActiveCampaignCatalog.getInstance().suggestions(name, 5))
                + " (docs/operations.md lists them all)"));
    }

    /**
     * Takes the bracketed query parameters ({@code filters[updated_after]=...}) out of the URI parameters: the
     * declared ones become their option ({@code filtersUpdatedAfter}), the others are sent as they are (operators
     * such as {@code filters[name][contains]}).
     */
    private static Map<String, Object> extractBracketParameters(ActiveCampaignOperation operation,
                                                                Map<String, Object> parameters) {
        Map<String, Object> raw = new LinkedHashMap<>();
        Map<String, Object> renamed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, Object>> it = parameters.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Object> entry = it.next();
            if (entry.getKey().indexOf('[') < 0) {
                continue;
            }
            it.remove();
            operation.parameters().stream().filter(p -> p.name().equals(entry.getKey())).findFirst()
                    .ifPresentOrElse(p -> renamed.put(p.option(), entry.getValue()),
                            () -> raw.put(entry.getKey(), entry.getValue()));
        }
        parameters.putAll(renamed);
        return raw;
    }

    /**
     * The client of an endpoint: the configured one (the {@code client} option), else the account's shared one;
     * {@link #release} it when done.
     */
    synchronized ActiveCampaignClient acquireClient(ActiveCampaignEndpoint endpoint) throws Exception {
        ActiveCampaignConfiguration config = endpoint.getConfiguration();
        if (config.getClient() != null) {
            return config.getClient();
        }
        boolean tracking = endpoint.getOperation().isTracking();
        String url = endpoint.targetUrl();
        String apiKey = tracking ? null : config.getApiKey();
        // the secret this client's host is sent: its messages and log lines never show it
        String secret = tracking ? config.getTrackingSecret() : apiKey;
        ActiveCampaignRateLimiter limiter = tracking ? null : rateLimiter(endpoint);
        // endpoints of one account share a client, unless they were given limiters of their own
        String key = url + '\n' + (secret == null ? "" : secret) + '\n' + System.identityHashCode(limiter);
        SharedClient shared = clients.get(key);
        if (shared == null) {
            SSLContext sslContext = config.getSslContextParameters() != null
                    ? config.getSslContextParameters().createSSLContext(getCamelContext()) : null;
            shared = new SharedClient(new HttpActiveCampaignClient(url, apiKey,
                    HttpClientFactory.create(config.getConnectTimeout(), config.getResponseTimeout(),
                            config.getMaxConnections(), sslContext, config.getProxyHost(), config.getProxyPort(),
                            config.getHttpClientConfigurer()),
                    limiter, ActiveCampaignSecrets.of(secret)));
            clients.put(key, shared);
            if (!tracking) {
                accounts.addHealthCheck(endpoint, shared.client);
            }
        }
        shared.users++;
        return shared.client;
    }

    /**
     * The rate limiter of an endpoint's account: none to pace with rateLimitEnabled=false, else the configured
     * one, else the account's budget (the JVM-wide Bucket4j limiter, or one shared through rateLimitBackend /
     * rateLimiterFactory); counted for the dev console and JMX.
     */
    ActiveCampaignRateLimiter rateLimiter(ActiveCampaignEndpoint endpoint) {
        return accounts.limiter(endpoint);
    }

    /** The accounts the component's endpoints have called, with their budgets' figures. */
    public List<ActiveCampaignAccount> getAccounts() {
        return accounts.all();
    }

    synchronized void release(ActiveCampaignClient client) {
        for (Iterator<SharedClient> it = clients.values().iterator(); it.hasNext();) {
            SharedClient shared = it.next();
            if (shared.client == client && --shared.users <= 0) {
                it.remove();
                accounts.removeHealthCheck(shared.client);
                close(shared.client);
            }
        }
    }

    /**
     * The repository of a cursor file, shared by every consumer that names the same file: two repositories
     * rewriting one file would each drop the other's cursors.
     */
    public synchronized StateRepository<String, String> cursorFile(String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        FileCursorStateRepository repository = cursorFiles.get(path);
        if (repository == null) {
            repository = new FileCursorStateRepository(path);
            ServiceHelper.startService(repository); // a damaged file fails here, naming it
            cursorFiles.put(path, repository);
        }
        return repository;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // a wrong rateLimitBackend fails when the application starts, not at its first request
        accounts.backend();
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            cursorFiles.values().forEach(ServiceHelper::stopService);
            cursorFiles.clear();
            clients.values().forEach(shared -> close(shared.client));
            clients.clear();
            accounts.stop();
        }
        super.doStop();
    }

    private static void close(ActiveCampaignClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("Closing the HTTP client of {} failed: {}", client.getBaseUrl(), e.getMessage());
        }
    }

    /** The ObjectMapper the component's endpoints use: a bounded copy of the configured one, or its own. */
    public synchronized ObjectMapper mapper() {
        if (effectiveObjectMapper == null) {
            effectiveObjectMapper = bounded(objectMapper);
        }
        return effectiveObjectMapper;
    }

    /**
     * The mapper the component reads and writes with: bounded in nesting depth both ways (a runaway or cyclic body
     * fails instead of exhausting the stack); content after the JSON value (garbage, NUL padding) is an error.
     */
    private static ObjectMapper bounded(ObjectMapper configured) {
        ObjectMapper mapper = configured != null ? configured.copy()
                : JsonMapper.builder(JsonFactory.builder().build()).build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_NESTING_DEPTH).build());
        mapper.getFactory().setStreamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(MAX_JSON_NESTING_DEPTH).build());
        return mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    }

    /** The ObjectMapper configured with {@link #setObjectMapper}, or null. */
    public synchronized ObjectMapper getObjectMapper() {
        return objectMapper;
    }

    /**
     * An ObjectMapper of your own to write request bodies and read responses and models with; the component uses a
     * bounded copy of it.
     */
    public synchronized void setObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.effectiveObjectMapper = null;
    }

    public ActiveCampaignConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Options shared by every endpoint of the component.
     */
    public void setConfiguration(ActiveCampaignConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getRateLimitBackend() {
        return rateLimitBackend;
    }

    /**
     * Where each account's request budget lives: local (this JVM; every replica has its own), postgresql (a table
     * in the database of rateLimitDataSource) or redis (rateLimitRedisUri). Replicas of an application that share
     * one budget never send more than the account allows together, and a 429 seen by one pauses them all.
     */
    public void setRateLimitBackend(String rateLimitBackend) {
        this.rateLimitBackend = rateLimitBackend;
    }

    public DataSource getRateLimitDataSource() {
        return rateLimitDataSource;
    }

    /**
     * rateLimitBackend=postgresql: the DataSource (a pooled one) of the database that holds the budgets, in the
     * tables activecampaign_rate_limit and activecampaign_rate_limit_pause, created when missing. Without it, the
     * only DataSource of the registry.
     */
    public void setRateLimitDataSource(DataSource rateLimitDataSource) {
        this.rateLimitDataSource = rateLimitDataSource;
    }

    public String getRateLimitRedisUri() {
        return rateLimitRedisUri;
    }

    /**
     * rateLimitBackend=redis: the Redis server that holds the budgets, e.g. redis://redis.example.com:6379
     * (rediss:// for TLS; a password goes in the URI, in Lettuce's syntax).
     */
    public void setRateLimitRedisUri(String rateLimitRedisUri) {
        this.rateLimitRedisUri = rateLimitRedisUri;
    }

    public ActiveCampaignRateLimiterFactory getRateLimiterFactory() {
        return rateLimiterFactory;
    }

    /**
     * Gives each account its request budget, replacing rateLimitBackend: e.g. one of
     * ActiveCampaignRateLimiterFactory.postgresql(dataSource) or .redis(uri) with settings of your own, or an
     * implementation for another store. Found in the registry when there is exactly one.
     */
    public void setRateLimiterFactory(ActiveCampaignRateLimiterFactory rateLimiterFactory) {
        this.rateLimiterFactory = rateLimiterFactory;
    }
}
