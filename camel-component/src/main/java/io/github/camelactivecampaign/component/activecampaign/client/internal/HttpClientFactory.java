// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.client.internal;

import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the pooled Apache HttpClient 5 of an account: timeouts, TLS (hostname verification stays on), proxy, no
 * redirects (a redirect would carry the token to another host) and no automatic retries (the component decides).
 */
public final class HttpClientFactory {

    private HttpClientFactory() {
    }

    /**
     * @param configurer camel-http's hook to customise the client (interceptors, credentials for a proxy, ...), or
     *                   null; what keeps the token safe (no redirects, no automatic retries) is set after it
     */
    public static CloseableHttpClient create(int connectTimeoutMillis, int responseTimeoutMillis, int maxConnections,
                                             SSLContext sslContext, String proxyHost, Integer proxyPort,
                                             HttpClientConfigurer configurer) {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                        .setSocketTimeout(responseTimeoutMillis, TimeUnit.MILLISECONDS)
                        .build());
        if (sslContext != null) {
            connections.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic());
        }
        HttpClientBuilder builder = HttpClients.custom();
        if (configurer != null) {
            configurer.configureHttpClient(builder);
        }
        builder.setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("camel-activecampaign");
        if (proxyHost != null && !proxyHost.isBlank()) {
            builder.setProxy(new HttpHost(proxyHost, proxyPort == null ? 8080 : proxyPort));
        }
        return builder.build();
    }
}
