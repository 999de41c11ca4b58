// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

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
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignSecrets;
import io.github.camelactivecampaign.component.activecampaign.client.internal.AccountRateLimiters;
import io.github.camelactivecampaign.component.activecampaign.client.internal.HttpActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.internal.HttpClientFactory;
import io.github.camelactivecampaign.component.activecampaign.client.internal.UnpacedRateLimiter;
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

    /** The unpaced limiter of each account with rateLimitEnabled=false: Retry-After still pauses the account. */
    private final Map<String, ActiveCampaignRateLimiter> unpaced = new ConcurrentHashMap<>();
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
    private final ObjectMapper objectMapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_NESTING_DEPTH).build())
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_JSON_NESTING_DEPTH).build())
                    .build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .build();

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
        }
        shared.users++;
        return shared.client;
    }

    /**
     * The rate limiter of an endpoint's account: none to pace with rateLimitEnabled=false, else the configured
     * one, else the JVM-wide Bucket4j limiter of the account.
     */
    ActiveCampaignRateLimiter rateLimiter(ActiveCampaignEndpoint endpoint) {
        ActiveCampaignConfiguration config = endpoint.getConfiguration();
        if (!config.isRateLimitEnabled()) {
            return unpaced.computeIfAbsent(AccountRateLimiters.accountKey(endpoint.targetUrl(), config.getApiKey()),
                    k -> new UnpacedRateLimiter());
        }
        return config.getRateLimiter() != null ? config.getRateLimiter()
                : AccountRateLimiters.forAccount(endpoint.targetUrl(), config.getApiKey(), config.getRateLimit());
    }

    synchronized void release(ActiveCampaignClient client) {
        for (Iterator<SharedClient> it = clients.values().iterator(); it.hasNext();) {
            SharedClient shared = it.next();
            if (shared.client == client && --shared.users <= 0) {
                it.remove();
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
    protected void doStop() throws Exception {
        synchronized (this) {
            cursorFiles.values().forEach(ServiceHelper::stopService);
            cursorFiles.clear();
            clients.values().forEach(shared -> close(shared.client));
            clients.clear();
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

    /** The component's ObjectMapper, shared by its endpoints. */
    public ObjectMapper getObjectMapper() {
        return objectMapper;
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
}
