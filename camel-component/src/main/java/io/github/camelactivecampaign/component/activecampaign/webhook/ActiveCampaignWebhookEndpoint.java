// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignComponent;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConfiguration;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.util.ObjectHelper;

/**
 * {@code activecampaign:webhook}: receives the account's webhook deliveries in a route. Consumer only; it manages its
 * webhook through the webhooks/* operations, whose options (baseUrl, apiKey, rate limit) it shares.
 */
public class ActiveCampaignWebhookEndpoint extends ActiveCampaignEndpoint {

    /** The URI path of the webhook consumer: activecampaign:webhook. */
    public static final String PATH = "webhook";
    static final String CAMEL_WEBHOOK = "org.apache.camel.component.webhook.WebhookCapableEndpoint";
    private static final Set<String> SOURCES = Set.of("public", "admin", "api", "system");
    private static final Set<String> FORMATS = Set.of("map", "json", "event");

    private WebhookSecret secret;

    protected ActiveCampaignWebhookEndpoint(String uri, ActiveCampaignComponent component,
                                            ActiveCampaignConfiguration configuration) {
        super(uri, component, ActiveCampaignCatalog.getInstance().find("webhooks/create").orElseThrow(),
                configuration);
    }

    /**
     * The webhook endpoint; one that camel-webhook can drive ({@code webhook:activecampaign:webhook}) when
     * camel-webhook is on the classpath.
     */
    public static ActiveCampaignWebhookEndpoint create(String uri, ActiveCampaignComponent component,
                                                       ActiveCampaignConfiguration configuration) {
        ClassLoader loader = component.getCamelContext().getApplicationContextClassLoader();
        if (ObjectHelper.loadClass(CAMEL_WEBHOOK, loader != null ? loader
                : ActiveCampaignWebhookEndpoint.class.getClassLoader()) != null) {
            return WebhookCapableEndpoints.create(uri, component, configuration);
        }
        return new ActiveCampaignWebhookEndpoint(uri, component, configuration);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        ActiveCampaignWebhookConfiguration webhook = getWebhookConfiguration();
        if (events().isEmpty()) {
            throw new IllegalArgumentException("events must name the webhook events to receive, e.g. "
                                               + "activecampaign:webhook?events=subscribe,update,deal_add"
                                               + "&webhookUrl=https://my.app/activecampaign/hooks");
        }
        for (String source : sources()) {
            if (!SOURCES.contains(source)) {
                throw new IllegalArgumentException("sources: unknown source '" + source + "'; use any of "
                                                   + ActiveCampaignWebhookConfiguration.ALL_SOURCES);
            }
        }
        if (!FORMATS.contains(webhook.getEventFormat())) {
            throw new IllegalArgumentException("eventFormat must be map, json or event, was " + webhook.getEventFormat());
        }
        if (webhook.getMaxDeliverySize() < 1024) {
            throw new IllegalArgumentException("maxDeliverySize must be at least 1024 bytes, was "
                                               + webhook.getMaxDeliverySize());
        }
        secret = WebhookSecret.of(webhook.getWebhookSecret());
        if (requiresWebhookUrl()) {
            localPath();
        }
    }

    /** Whether webhookUrl must be set: yes, but when camel-webhook computes the URL. */
    protected boolean requiresWebhookUrl() {
        return true;
    }

    /** The path to listen on: webhookPath, else the path of webhookUrl (checked: https or loopback http). */
    String localPath() {
        ActiveCampaignWebhookConfiguration webhook = getWebhookConfiguration();
        String url = webhook.getWebhookUrl();
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("webhookUrl must be the public https URL at which ActiveCampaign reaches "
                                               + "this application, e.g. activecampaign:webhook?events=deal_add"
                                               + "&webhookUrl=https://my.app/activecampaign/hooks");
        }
        String path = webhook.getWebhookPath() != null ? webhook.getWebhookPath() : checkedUrl(url).getPath();
        if (path == null || path.isBlank() || "/".equals(path)) {
            throw new IllegalArgumentException("webhookUrl needs a path to listen on, e.g. "
                                               + "https://my.app/activecampaign/hooks (or set webhookPath)");
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** A public URL the service may post to: absolute, https, or http on a loopback host (tests). */
    static URI checkedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhookUrl is not a URL (" + e.getMessage() + "); expected e.g. "
                                               + "https://my.app/activecampaign/hooks");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("webhookUrl '" + url + "' is not an absolute URL; expected e.g. "
                                               + "https://my.app/activecampaign/hooks");
        }
        if (uri.getRawQuery() != null && uri.getRawQuery().contains(WebhookSecret.PARAMETER + "=")) {
            throw new IllegalArgumentException("webhookUrl must not carry a " + WebhookSecret.PARAMETER
                                               + " parameter: set webhookSecret instead");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException("webhookUrl must use https: the deliveries carry contacts' data and "
                                               + "the URL carries the webhook's secret (" + uri.getScheme() + "://"
                                               + uri.getHost() + " would expose both). Terminate TLS at your proxy "
                                               + "or server; plain http is accepted only for loopback hosts, in tests");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        try {
            return "localhost".equalsIgnoreCase(host) || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    List<String> events() {
        return split(getWebhookConfiguration().getEvents());
    }

    List<String> sources() {
        return split(getWebhookConfiguration().getSources());
    }

    private static List<String> split(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    WebhookSecret secret() {
        return secret;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        localPath(); // a missing or plain-http webhookUrl fails when the route is built
        ActiveCampaignWebhookConsumer consumer = new ActiveCampaignWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("activecampaign:webhook only receives deliveries; to manage webhooks "
                                                + "send to activecampaign:webhooks/create, webhooks/list or "
                                                + "webhooks/delete");
    }
}
