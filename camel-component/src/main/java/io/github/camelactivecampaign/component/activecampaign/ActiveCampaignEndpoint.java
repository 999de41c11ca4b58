// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.api.ActiveCampaignApis;
import io.github.camelactivecampaign.component.activecampaign.api.ActiveCampaignParameterHeaders;
import io.github.camelactivecampaign.component.activecampaign.bulk.ActiveCampaignBulkImportConfiguration;
import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportProducer;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignClient;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequestPolicy;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignSecrets;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException;
import io.github.camelactivecampaign.component.activecampaign.consumer.ActiveCampaignConsumer;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignEventTrackingProducer;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignParameterValues;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignProducer;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignResponseReader;
import io.github.camelactivecampaign.component.activecampaign.webhook.ActiveCampaignWebhookConfiguration;
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
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;

/**
 * Calls one operation of the ActiveCampaign REST API v3, or polls one of its feeds.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "activecampaign", title = "ActiveCampaign",
             syntax = "activecampaign:apiName/methodName", apiSyntax = "apiName/methodName",
             category = { Category.SAAS, Category.API }, headersClass = ActiveCampaignParameterHeaders.class)
public class ActiveCampaignEndpoint extends ScheduledPollEndpoint implements ApiEndpoint, EndpointServiceLocation {

    /** Consumers poll every 30 s unless told otherwise: the account allows only 5 requests a second. */
    static final long DEFAULT_DELAY = 30_000;
    /** The operation option that names the parameter the message body carries. */
    static final String IN_BODY = "inBody";

    @UriPath(enums = ActiveCampaignApis.NAMES, description = "The resource, e.g. deals")
    @Metadata(required = true)
    private final String apiName;
    @UriPath(description = "The operation of the resource, e.g. update (docs/operations.md lists them all)")
    @Metadata(required = true)
    private final String methodName;
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_DELAY, javaType = "java.time.Duration",
              description = "Milliseconds before the next poll; 30 s, as the account allows only 5 requests a second.")
    private long delay = DEFAULT_DELAY;
    @UriParam
    private ActiveCampaignConfiguration configuration;
    @UriParam
    private ActiveCampaignConsumerConfiguration consumerConfiguration = new ActiveCampaignConsumerConfiguration();
    @UriParam
    private ActiveCampaignBulkImportConfiguration bulkImportConfiguration = new ActiveCampaignBulkImportConfiguration();
    @UriParam
    private ActiveCampaignWebhookConfiguration webhookConfiguration = new ActiveCampaignWebhookConfiguration();
    @UriParam(label = "producer")
    private boolean paginate;
    @UriParam(label = "common")
    private Class<?> outputClass;

    private final ActiveCampaignOperation operation;
    /** The resource's generated configuration object: holds the operation's parameters set on the URI. */
    private final Object operationOptions;
    private final PropertyConfigurerGetter operationOptionsGetter;
    private Map<String, Object> rawQueryParameters = Map.of();
    private ActiveCampaignClient client;
    private ActiveCampaignRequestPolicy requestPolicy;
    private ActiveCampaignResponseReader responseReader;
    private ZoneId accountZone;

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
            if (operation.parameter(key).isEmpty() && !IN_BODY.equalsIgnoreCase(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknownOptionsMessage(unknown));
        }
        // checked as written: once bound to its Integer field, "ten" would read as 0
        ActiveCampaignParameterValues values = new ActiveCampaignParameterValues(operation);
        parameters.forEach((key, value) -> operation.parameter(key)
                .ifPresent(parameter -> values.checkUriOption(parameter, value)));
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
            checkSecretCharacters(configuration.getTrackingSecret(), "trackingSecret", "the event tracking key "
                                                                                       + "(Settings > Tracking)");
            validateUrl(configuration.getTrackingUrl(), "trackingUrl", false);
        } else {
            require(configuration.getBaseUrl(), "baseUrl");
            require(configuration.getApiKey(), "apiKey");
            if (!configuration.getApiKey().equals(configuration.getApiKey().strip())
                    || configuration.getApiKey().chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("apiKey for " + operation.name() + " contains whitespace: paste "
                                                   + "the API token without spaces or line breaks");
            }
            // sent as an HTTP header: anything but visible ASCII would be mangled or split the header
            int bad = firstIndexOutside(configuration.getApiKey(), 0x21, 0x7E);
            if (bad >= 0) {
                throw new IllegalArgumentException("apiKey for " + operation.name() + " contains a control or "
                                                   + "non-ASCII character (at position " + bad + "), which an HTTP "
                                                   + "header cannot carry: paste the API token as shown under "
                                                   + "Settings > Developer");
            }
            validateUrl(configuration.getBaseUrl(), "baseUrl", true);
        }
        validateInBody();
        validateRateLimit();
        if (configuration.getMaxAttempts() < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more (1: no retries), was "
                                               + configuration.getMaxAttempts());
        }
        if (configuration.getPageSize() < 1 || configuration.getPageSize() > 100) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100 (ActiveCampaign's largest page), "
                                               + "was " + configuration.getPageSize());
        }
        if (configuration.getConsumerShare() <= 0 || configuration.getConsumerShare() > 1) {
            throw new IllegalArgumentException("consumerShare must be more than 0 and at most 1, was "
                                               + configuration.getConsumerShare());
        }
        accountZone = zone(configuration.getAccountTimeZone());
        requestPolicy = new ActiveCampaignRequestPolicy(configuration.getMaxAttempts(),
                Duration.ofMillis(configuration.getRetryBackoff()), Duration.ofMillis(configuration.getMaxRetryBackoff()),
                Duration.ofMillis(configuration.getCallTimeout()), Duration.ofMillis(configuration.getMaxRetryAfter()),
                Duration.ofMillis(configuration.getMaxRateLimitWait()), configuration.isRetryNonIdempotent(),
                configuration.getMaxResponseSize(), Duration.ofMillis(configuration.getResponseTimeout()));
        responseReader = new ActiveCampaignResponseReader(getObjectMapper(),
                ActiveCampaignSecrets.of(configuration.getApiKey(), configuration.getTrackingSecret()));
    }

    private void validateRateLimit() {
        if (operation.isTracking()) {
            return;
        }
        if (!configuration.isRateLimitEnabled()) {
            if (configuration.getRateLimiter() != null) {
                throw new IllegalArgumentException("rateLimitEnabled=false turns the account's limiter off, yet a "
                                                   + "rateLimiter is bound for " + operation.name() + ": remove "
                                                   + "one of the two");
            }
            return;
        }
        double rate = configuration.getRateLimit();
        if (configuration.getRateLimiter() == null && (!(rate > 0) || Double.isInfinite(rate))) {
            throw new IllegalArgumentException("rateLimit must be greater than 0 requests per second, was " + rate
                                               + "; to send without a rate limit (tests, a proxy that enforces the "
                                               + "limit itself, benchmarks) set rateLimitEnabled=false");
        }
    }

    private void validateInBody() {
        String inBody = getInBody();
        if (inBody == null) {
            return;
        }
        if (operation.parameter(inBody).isEmpty()) {
            throw new IllegalArgumentException("inBody=" + inBody + " names no parameter of " + operation.name()
                                               + (operation.parameters().isEmpty() ? ", which takes none"
                                                       : "; its parameters are " + operation.parameters().stream()
                                                               .map(ActiveCampaignParameter::option).toList()));
        }
        if (operation.hasBody()) {
            throw new IllegalArgumentException("inBody cannot be used with " + operation.name() + ": its message "
                                               + "body is the request body; set " + inBody + " as a header ("
                                               + operation.parameter(inBody).get().header() + ") or endpoint option");
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("accountTimeZone '" + id + "' is not a time zone; use a region id "
                                               + "such as America/New_York or UTC", e);
        }
    }

    /** Refuses a secret with control characters (NUL, escape...) without printing it. */
    private void checkSecretCharacters(String secret, String option, String what) {
        for (int i = 0; i < secret.length(); i++) {
            if (Character.isISOControl(secret.charAt(i))) {
                throw new IllegalArgumentException(option + " for " + operation.name() + " contains a control "
                                                   + "character (at position " + i + "): paste " + what
                                                   + " as shown in ActiveCampaign");
            }
        }
    }

    /** The position of the first character outside [low, high], or -1. */
    private static int firstIndexOutside(String text, int low, int high) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < low || text.charAt(i) > high) {
                return i;
            }
        }
        return -1;
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
            // the reason and position only: the input may hold a password
            throw new IllegalArgumentException(option + " is not a URL (" + e.getReason() + " at index "
                                               + e.getIndex() + "); expected e.g. "
                                               + "https://youraccount.api-us1.com/api/3");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null && uri.getRawAuthority() != null
                                            && uri.getRawAuthority().contains("@")) {
            // never printed: the part before @ is usually user:password
            throw new IllegalArgumentException(option + " must not carry user info (user:password@host): "
                                               + "ActiveCampaign authenticates with apiKey, and a password in the URL "
                                               + "would travel with every request and show in logs. Remove it, e.g. "
                                               + "https://youraccount.api-us1.com/api/3");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException(option + " '" + withoutUserInfo(url) + "' is not an absolute URL; "
                                               + "expected e.g. https://youraccount.api-us1.com/api/3");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException(option + " must use https (" + uri.getScheme() + "://"
                                               + uri.getHost() + " would send the token in clear text); plain http "
                                               + "is accepted only for loopback hosts, in tests");
        }
        if (api && !uri.getPath().replaceAll("/+$", "").endsWith("/api/3")) {
            throw new IllegalArgumentException(option + " '" + withoutUserInfo(url) + "' must end with /api/3, as "
                                               + "shown under "
                                               + "Settings > Developer, e.g. https://youraccount.api-us1.com/api/3");
        }
    }

    /** A URL for a message: whatever stands before an @ is masked, as it may be a password. */
    static String withoutUserInfo(String url) {
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int scheme = url.indexOf("://");
        int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
        return url.substring(0, start) + "xxxxxx" + url.substring(at);
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
        client = getComponent().acquireClient(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            getComponent().release(client);
            client = null;
        }
        super.doStop();
    }

    /** Sends a request of this endpoint through the account's client; a failure to get an answer is thrown. */
    public ActiveCampaignResponse send(ActiveCampaignRequest request) {
        try {
            // any client (a configured one too) passes on no secret a server echoed
            return responseReader.scrub(client.execute(request, requestPolicy));
        } catch (ActiveCampaignTransportException e) {
            throw responseReader.failure(e);
        }
    }

    /** Sends a request and reads the answer: the parsed JSON, or an {@link ActiveCampaignException}. */
    public Object call(ActiveCampaignRequest request) {
        return responseReader.body(request.operation(), send(request));
    }

    /** Where requests of this endpoint go: the account's API, or the event-tracking host. */
    String targetUrl() {
        return operation.isTracking() ? configuration.getTrackingUrl().strip()
                : configuration.getBaseUrl().strip().replaceAll("/+$", "");
    }

    /** The value of an operation parameter set on the URI, or null. */
    public Object operationOption(ActiveCampaignParameter parameter) {
        return operationOptionsGetter.getOptionValue(operationOptions, parameter.option(), true);
    }

    /** The parameter the message body carries (the {@code inBody} option), or null. */
    public String getInBody() {
        Object inBody = operationOptionsGetter.getOptionValue(operationOptions, IN_BODY, true);
        return inBody == null || inBody.toString().isBlank() ? null : inBody.toString().strip();
    }

    @Override
    public Producer createProducer() {
        if (BulkImportProducer.handles(operation.name())) {
            return new BulkImportProducer(this, bulkImportConfiguration);
        }
        return operation.isTracking() ? new ActiveCampaignEventTrackingProducer(this)
                : new ActiveCampaignProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ActiveCampaignConsumer consumer = new ActiveCampaignConsumer(this, processor);
        consumer.setMaxMessagesPerPoll(consumerConfiguration.getMaxMessagesPerPoll());
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
     * The options of the account and defaults shared by the component's endpoints.
     */
    public void setConfiguration(ActiveCampaignConfiguration configuration) {
        this.configuration = configuration;
    }

    public ActiveCampaignConsumerConfiguration getConsumerConfiguration() {
        return consumerConfiguration;
    }

    /**
     * The options of a polling consumer.
     */
    public void setConsumerConfiguration(ActiveCampaignConsumerConfiguration consumerConfiguration) {
        this.consumerConfiguration = consumerConfiguration;
    }

    public ActiveCampaignBulkImportConfiguration getBulkImportConfiguration() {
        return bulkImportConfiguration;
    }

    /**
     * The options of the bulk import (import/bulkImport).
     */
    public void setBulkImportConfiguration(ActiveCampaignBulkImportConfiguration bulkImportConfiguration) {
        this.bulkImportConfiguration = bulkImportConfiguration;
    }

    public ActiveCampaignWebhookConfiguration getWebhookConfiguration() {
        return webhookConfiguration;
    }

    /**
     * The options of the webhook consumer (activecampaign:webhook).
     */
    public void setWebhookConfiguration(ActiveCampaignWebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    public boolean isPaginate() {
        return paginate;
    }

    /**
     * For list operations: return every record of every page as a lazy Iterator that fetches the next page only
     * when the current one is consumed (use with split(body()).streaming()); pageSize records a request, and the
     * operation's limit, when given, caps the records of all pages together. contacts/list pages by id for a
     * stable deep paging. Without it a list operation answers one page and says in CamelActiveCampaignMorePages
     * whether more exist.
     */
    public void setPaginate(boolean paginate) {
        this.paginate = paginate;
    }

    public Class<?> getOutputClass() {
        return outputClass;
    }

    /**
     * Convert the result to this class (e.g. io.github.camelactivecampaign.component.activecampaign.model.Deal):
     * the object under the operation's result key, or a List of them for list operations. Without it the body is
     * the whole response as a Map.
     */
    public void setOutputClass(Class<?> outputClass) {
        this.outputClass = outputClass;
    }

    /**
     * Milliseconds before the next poll.
     */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    /** The one ObjectMapper of the component. */
    public ObjectMapper getObjectMapper() {
        return getComponent().mapper();
    }

    public ActiveCampaignResponseReader getResponseReader() {
        return responseReader;
    }

    /** The account's rate limiter, or null for the event-tracking host. */
    public ActiveCampaignRateLimiter getRateLimiter() {
        return operation.isTracking() ? null : getComponent().rateLimiter(this);
    }

    /** The time zone of dates written without one (accountTimeZone). */
    public ZoneId getAccountZone() {
        return accountZone;
    }

    public Map<String, Object> getRawQueryParameters() {
        return rawQueryParameters;
    }

    void setRawQueryParameters(Map<String, Object> rawQueryParameters) {
        this.rawQueryParameters = Map.copyOf(rawQueryParameters);
    }
}
