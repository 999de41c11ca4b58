// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one GET of a contact costs the caller, three ways against the same loopback {@link ContactServer}: a
 * hand-written client (Apache HttpClient 5 + Jackson), a hand-written camel-http route, and the component with the
 * account's limiter out of the way. Every endpoint is resolved once, in the setup; each call checks the contact it
 * got, so a failing client is never measured as a fast one. {@link PerCallRun} runs the three in interleaved rounds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerCallBenchmark {

    static final String EXPECTED_EMAIL = "selmer.koss@example.com";

    private ContactServer server;
    private URI contactUri;
    private CloseableHttpClient httpClient;
    private ObjectMapper mapper;
    private CamelContext camel;
    private ProducerTemplate template;
    private Endpoint camelHttpRoute;
    private Endpoint componentRoute;

    @Setup
    public void start() throws Exception {
        server = ContactServer.start();
        contactUri = URI.create(server.contactUrl());
        mapper = new ObjectMapper();
        httpClient = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build())
                .build();

        camel = new DefaultCamelContext();
        ComponentOptions.account(server.baseUrl(), ContactServer.TOKEN)
                .with("rateLimitEnabled", false)
                .applyTo(camel);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:camel-http")
                        .setHeader("Api-Token", constant(ContactServer.TOKEN))
                        .to(server.contactUrl())
                        .unmarshal().json(JsonLibrary.Jackson, Map.class);
                from("direct:component")
                        .to("activecampaign:contacts/get?id=1");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        camelHttpRoute = camel.getEndpoint("direct:camel-http");
        componentRoute = camel.getEndpoint("direct:component");
    }

    @TearDown
    public void stop() throws Exception {
        camel.close();
        httpClient.close();
        server.close();
    }

    ContactServer server() {
        return server;
    }

    @Benchmark
    public String rawHttpClient() throws IOException {
        HttpGet get = new HttpGet(contactUri);
        get.setHeader("Api-Token", ContactServer.TOKEN);
        Map<?, ?> body = httpClient.execute(get, response -> {
            if (response.getCode() != 200) {
                throw new IllegalStateException("The contact server answered HTTP " + response.getCode());
            }
            try (InputStream in = response.getEntity().getContent()) {
                return mapper.readValue(in, Map.class);
            }
        });
        return email(body);
    }

    @Benchmark
    public String camelHttpRoute() {
        return email(template.requestBody(camelHttpRoute, (Object) null));
    }

    @Benchmark
    public String component() {
        return email(template.requestBody(componentRoute, (Object) null));
    }

    /** The contact's email from a contacts/get answer; fails if the answer is not the contact. */
    static String email(Object body) {
        if (body instanceof Map<?, ?> map && map.get("contact") instanceof Map<?, ?> contact
            && contact.get("email") instanceof String email) {
            return email;
        }
        throw new IllegalStateException("Expected the contact, got " + body);
    }
}
