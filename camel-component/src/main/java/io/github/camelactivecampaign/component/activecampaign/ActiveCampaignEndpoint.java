// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.api.ActiveCampaignApis;
import io.github.camelactivecampaign.component.activecampaign.api.ActiveCampaignParameterHeaders;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignCallPolicy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import org.apache.camel.ApiEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.URISupport;

/**
 * Calls one operation of the ActiveCampaign REST API v3.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "activecampaign", title = "ActiveCampaign",
             syntax = "activecampaign:apiName/methodName", apiSyntax = "apiName/methodName",
             category = { Category.SAAS, Category.API }, headersClass = ActiveCampaignParameterHeaders.class)
public class ActiveCampaignEndpoint extends ScheduledPollEndpoint implements ApiEndpoint, EndpointServiceLocation {

    /** Consumers poll every 30 s unless told otherwise: the account allows only 5 requests a second. */
    static final long DEFAULT_DELAY = 30_000;


    @UriPath(enums = ActiveCampaignApis.NAMES, description = "The resource, e.g. deals")
    @Metadata(required = true)
    private final String apiName;
    @UriPath(description = "The operation of the resource, e.g. update (docs/operations.md lists them all)")
    @Metadata(required = true)
    private final String methodName;
    @UriParam
    private ActiveCampaignConfiguration configuration;

    private final ActiveCampaignOperation operation;
    /** The resource's generated configuration object: holds the operation's parameters set on the URI. */
    private final Object operationOptions;
    private final PropertyConfigurerGetter operationOptionsGetter;
    private Map<String, Object> rawQueryParameters = Map.of();
    private ActiveCampaignClient client;
    private ActiveCampaignCallPolicy callPolicy;

    public ActiveCampaignEndpoint(String uri, ActiveCampaignComponent component, ActiveCampaignOperation operation,
                                  ActiveCampaignConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.apiName = operation.apiName();
        this.methodName = operation.methodName();
        this.configuration = configuration;
        this.operationOptions = ActiveCampaignApis.newConfiguration(apiName);
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(component.getCamelContext())
                .resolvePropertyConfigurer(operationOptions.getClass().getName(), component.getCamelContext());
        if (!(configurer instanceof PropertyConfigurerGetter getter)) {
            throw new IllegalStateException("No generated configurer for " + operationOptions.getClass().getName()
                                            + ": the component jar is incomplete");
        }
        this.operationOptionsGetter = getter;
        setDelay(DEFAULT_DELAY);
    }

    /**
     * Binds the operation's parameters given on the URI; any other option fails with the list of valid ones.
     */
    void bindOperationOptions(Map<String, Object> parameters) {
        List<String> unknown = new ArrayList<>();
        for (String key : parameters.keySet()) {
            if (operation.parameter(key).isEmpty()) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknownOptionsMessage(unknown));
        }
        PropertyBindingSupport.build().withConfigurer((PropertyConfigurer) operationOptionsGetter)
                .withIgnoreCase(true).withRemoveParameters(true).withReflection(false)
                .bind(getCamelContext(), operationOptions, parameters);
    }

    private String unknownOptionsMessage(List<String> unknown) {
        StringBuilder message = new StringBuilder("Unknown option");
        message.append(unknown.size() > 1 ? "s " : " ").append(String.join(", ", unknown)).append(" for ")
                .append(operation.name()).append(" (").append(URISupport.sanitizeUri(getEndpointUri()))
                .append(").");
        List<String> options = operation.parameters().stream().map(ActiveCampaignParameter::option).toList();
        message.append(options.isEmpty() ? " This operation takes no parameters."
                : " Its parameters are: " + String.join(", ", options) + ".");
        List<String> elsewhere = ActiveCampaignCatalog.getInstance().resource(apiName).stream()
                .filter(o -> unknown.stream().anyMatch(u -> o.parameter(u).isPresent()))
                .map(ActiveCampaignOperation::name).toList();
        if (!elsewhere.isEmpty()) {
            message.append(" Operations that take it: ").append(String.join(", ", elsewhere)).append('.');
        }
        return message.toString();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (operation.isTracking()) {
            require(configuration.getTrackingAccountId(), "trackingAccountId");
            require(configuration.getTrackingSecret(), "trackingSecret");
            validateUrl(configuration.getTrackingUrl(), "trackingUrl", false);
        } else {
            require(configuration.getBaseUrl(), "baseUrl");
            require(configuration.getApiKey(), "apiKey");
            if (!configuration.getApiKey().equals(configuration.getApiKey().strip())
                    || configuration.getApiKey().chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("apiKey for " + operation.name() + " contains whitespace: paste "
                                                   + "the API token without spaces or line breaks");
            }
            validateUrl(configuration.getBaseUrl(), "baseUrl", true);
        }
        if (configuration.getMaxAttempts() < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more (1: no retries), was "
                                               + configuration.getMaxAttempts());
        }
        callPolicy = new ActiveCampaignCallPolicy(configuration.getMaxAttempts(),
                Duration.ofMillis(configuration.getRetryBackoff()), Duration.ofMillis(configuration.getMaxRetryBackoff()),
                Duration.ofMillis(configuration.getCallTimeout()), Duration.ofMillis(configuration.getMaxRetryAfter()),
                Duration.ofMillis(configuration.getMaxRateLimitWait()), configuration.isRetryNonIdempotent(),
                configuration.getMaxResponseSize(), Duration.ofMillis(configuration.getResponseTimeout()));
        if (configuration.getPageSize() < 1 || configuration.getPageSize() > 100) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100 (ActiveCampaign's largest page), "
                                               + "was " + configuration.getPageSize());
        }
    }

    private void require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " must be configured on either the activecampaign component "
                                               + "(camel.component.activecampaign." + option + ") or the endpoint ("
                                               + operation.exampleUri()
                                               + (operation.exampleUri().contains("?") ? "&" : "?") + option
                                               + "=...) for " + operation.name());
        }
    }

    private void validateUrl(String url, String option, boolean api) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is not a URL (" + e.getMessage() + "); expected e.g. "
                                               + "https://youraccount.api-us1.com/api/3");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException(option + " '" + url + "' is not an absolute URL; expected e.g. "
                                               + "https://youraccount.api-us1.com/api/3");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException(option + " must use https (" + uri.getScheme() + "://"
                                               + uri.getHost() + " would send the token in clear text); plain http "
                                               + "is accepted only for loopback hosts, in tests");
        }
        if (api && !uri.getPath().replaceAll("/+$", "").endsWith("/api/3")) {
            throw new IllegalArgumentException(option + " '" + url + "' must end with /api/3, as shown under "
                                               + "Settings > Developer, e.g. https://youraccount.api-us1.com/api/3");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return "localhost".equalsIgnoreCase(host) || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = operation.isTracking()
                ? getComponent().acquireClient(configuration.getTrackingUrl(), null, configuration)
                : getComponent().acquireClient(normalizedBaseUrl(), configuration.getApiKey(), configuration);
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            getComponent().release(client);
            client = null;
        }
        super.doStop();
    }

    /** The retry policy and limits of this endpoint's calls. */
    ActiveCampaignCallPolicy callPolicy() {
        return callPolicy;
    }

    String normalizedBaseUrl() {
        return configuration.getBaseUrl().strip().replaceAll("/+$", "");
    }

    /** The value of an operation parameter set on the URI, or null. */
    Object operationOption(ActiveCampaignParameter parameter) {
        return operationOptionsGetter.getOptionValue(operationOptions, parameter.option(), true);
    }

    @Override
    public Producer createProducer() {
        return new ActiveCampaignProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ActiveCampaignFeed feed = ActiveCampaignFeed.of(operation.name()).orElseThrow(
                () -> new IllegalArgumentException("activecampaign:" + operation.name() + " cannot be polled; the "
                                                   + "operations a consumer polls are " + ActiveCampaignFeed.names()));
        ActiveCampaignConsumer consumer = new ActiveCampaignConsumer(this, processor, feed);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public ActiveCampaignComponent getComponent() {
        return (ActiveCampaignComponent) super.getComponent();
    }

    @Override
    public String getServiceUrl() {
        return operation.isTracking() ? configuration.getTrackingUrl() : configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    public ActiveCampaignOperation getOperation() {
        return operation;
    }

    public String getApiName() {
        return apiName;
    }

    public String getMethodName() {
        return methodName;
    }

    public ActiveCampaignConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The shared options of this endpoint.
     */
    public void setConfiguration(ActiveCampaignConfiguration configuration) {
        this.configuration = configuration;
    }

    ActiveCampaignClient getClient() {
        return client;
    }

    Map<String, Object> getRawQueryParameters() {
        return rawQueryParameters;
    }

    void setRawQueryParameters(Map<String, Object> rawQueryParameters) {
        this.rawQueryParameters = Map.copyOf(rawQueryParameters);
    }
}
