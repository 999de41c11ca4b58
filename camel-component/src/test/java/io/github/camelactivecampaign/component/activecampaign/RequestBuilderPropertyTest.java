// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.bulk.BulkImportProducer;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignTransportException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any operation of the catalog, any ids, parameter values and bodies, and any of a server's answers (most of them
 * echoing the secrets it was sent): either the call is refused before any I/O, or the request that leaves targets
 * {@code /api/3/} plus the operation's own path, each value percent-encoded into its own segment or query value; and
 * no configured secret appears in any exception or log line.
 */
class RequestBuilderPropertyTest {

    private static final String BASE_URL = "https://acme.api-us1.com/api/3";
    private static final String TOKEN = "prop-token-7ac41e";
    private static final String TRACKING_KEY = "prop-tracking-19bd";
    /** What a percent-encoded value may consist of: unreserved characters and escapes. */
    private static final Pattern ENCODED = Pattern.compile("([A-Za-z0-9._~-]|%[0-9A-F]{2})*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the fake server answers this try. */
    enum Answer { OK, ECHO_401, ECHO_422, ECHO_HTML_200, ECHO_TRANSPORT }

    private static CamelContext context;
    private static ProducerTemplate template;
    private static LogCapture logs;
    private static volatile Answer answer = Answer.OK;
    private static final List<ActiveCampaignRequest> SENT = new ArrayList<>();

    @BeforeContainer
    static void startCamel() throws Exception {
        logs = LogCapture.everything();
        FakeActiveCampaignClient client = new FakeActiveCampaignClient(request -> {
            SENT.add(request);
            return switch (answer) {
                case OK -> FakeActiveCampaignClient.ok("{}");
                case ECHO_401 -> new ActiveCampaignResponse(401, "Unauthorized " + TOKEN,
                        "{\"message\":\"Invalid token " + TOKEN + " for " + request.path() + "\"}", "application/json",
                        Map.of("ratelimit-remaining", TOKEN));
                case ECHO_422 -> new ActiveCampaignResponse(422, "Unprocessable",
                        "{\"errors\":[{\"title\":\"" + TOKEN + "\",\"detail\":\"" + TRACKING_KEY + "\"}]}",
                        "application/json", Map.of());
                case ECHO_HTML_200 -> new ActiveCampaignResponse(200, "OK", "<html>" + TOKEN + "</html>", "text/html",
                        Map.of("ratelimit-limit", TOKEN));
                case ECHO_TRANSPORT -> throw new ActiveCampaignTransportException("reset after " + TOKEN,
                        request.operation(), ActiveCampaignTransportException.Reason.UNREACHABLE,
                        new java.io.IOException("Invalid header: Api-Token: " + TOKEN));
            };
        });
        context = new DefaultCamelContext();
        ActiveCampaignComponent component = new ActiveCampaignComponent();
        component.getConfiguration().setBaseUrl(BASE_URL);
        component.getConfiguration().setApiKey(TOKEN);
        component.getConfiguration().setTrackingAccountId("1000");
        component.getConfiguration().setTrackingSecret(TRACKING_KEY);
        component.getConfiguration().setClient(client);
        component.getConfiguration().setRateLimit(1000);
        context.addComponent("activecampaign", component);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterContainer
    static void stopCamel() {
        context.stop();
        logs.close();
    }

    @Property(tries = 400)
    void refusedOrSentToTheOperationsOwnPathWithEveryValueEncoded(@ForAll("calls") Call call) throws Exception {
        answer = call.answer();
        SENT.clear();
        int logLines = logs.lines().size();
        Exchange exchange = template.request("activecampaign:" + call.operation().name(), e -> {
            e.getMessage().setBody(call.body());
            e.getMessage().setHeaders(new HashMap<>(call.headers()));
        });

        if (SENT.isEmpty()) {
            assertThat(exchange.getException()).as("nothing was sent, so the call was refused").isNotNull()
                    .isInstanceOfAny(IllegalArgumentException.class, ActiveCampaignException.class);
        } else {
            assertThat(SENT).hasSize(1);
            checkRequest(call, SENT.get(0));
        }
        if (exchange.getException() != null) {
            StringWriter trace = new StringWriter();
            exchange.getException().printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(TOKEN, TRACKING_KEY);
        }
        exchange.getMessage().getHeaders().values()
                .forEach(value -> assertThat(String.valueOf(value)).doesNotContain(TOKEN, TRACKING_KEY));
        assertThat(logs.lines().subList(logLines, logs.lines().size()))
                .noneMatch(line -> line.contains(TOKEN) || line.contains(TRACKING_KEY));
    }

    private static void checkRequest(Call call, ActiveCampaignRequest request) throws Exception {
        ActiveCampaignOperation operation = call.operation();
        assertThat(request.method()).isEqualTo(operation.method());
        URI uri = new URI(BASE_URL + request.pathAndQuery());
        assertThat(uri.getRawPath()).as("no dot segment moves the path").isEqualTo(uri.normalize().getRawPath())
                .isEqualTo("/api/3" + request.path());

        String[] template = operation.path().split("/", -1);
        String[] sent = request.path().split("/", -1);
        assertThat(sent).as("one segment per segment of " + operation.path()).hasSameSizeAs(template);
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{")) {
                String name = template[i].substring(1, template[i].length() - 1);
                ActiveCampaignParameter parameter = operation.pathParams().stream()
                        .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
                assertThat(sent[i]).matches(ENCODED);
                assertThat(decode(sent[i])).isEqualTo(String.valueOf(call.headers().get(parameter.header())).strip());
            } else {
                assertThat(sent[i]).isEqualTo(template[i]);
            }
        }

        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                assertThat(nameAndValue).hasSize(2);
                assertThat(nameAndValue[0]).matches(ENCODED);
                assertThat(nameAndValue[1]).matches(ENCODED);
                query.put(decode(nameAndValue[0]), decode(nameAndValue[1]));
            }
        }
        for (ActiveCampaignParameter parameter : operation.queryParams()) {
            Object given = call.headers().get(parameter.header());
            if (given != null && !parameter.isArray()) {
                assertThat(query).containsEntry(parameter.name(), String.valueOf(given));
            }
        }

        if (request.body() != null) {
            assertThat(request.contentType()).isEqualTo("application/json; charset=UTF-8");
            JsonNode body = JSON.readTree(request.body());
            if (operation.bodyKey() != null) {
                assertThat(body.path(operation.bodyKey()).isObject()).as("in its envelope").isTrue();
            }
        }
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /** One generated call: an operation, its headers (ids and query values), a body and the server's answer. */
    record Call(ActiveCampaignOperation operation, Map<String, Object> headers, Object body, Answer answer) {
        @Override
        public String toString() {
            return operation.name() + " headers=" + headers + " body=" + body + " answer=" + answer;
        }
    }

    @Provide
    Arbitrary<Call> calls() {
        // the operations the request builder serves: not event tracking (a form to another host) and not the
        // bulk import, whose producer batches contacts over many messages
        List<ActiveCampaignOperation> operations = ActiveCampaignCatalog.getInstance().operations().stream()
                .filter(o -> !o.isTracking() && !BulkImportProducer.handles(o.name())).toList();
        return Arbitraries.of(operations).flatMap(operation -> Combinators.combine(
                headers(operation), bodies(), Arbitraries.of(Answer.class))
                .as((headers, body, serverAnswer) -> new Call(operation, headers, body, serverAnswer)));
    }

    private static Arbitrary<Map<String, Object>> headers(ActiveCampaignOperation operation) {
        List<Arbitrary<Map.Entry<String, Object>>> entries = new ArrayList<>();
        for (ActiveCampaignParameter parameter : operation.pathParams()) {
            entries.add(values().map(v -> entry(parameter.header(), v)));
        }
        for (ActiveCampaignParameter parameter : operation.queryParams()) {
            entries.add(values().injectNull(0.6).map(v -> entry(parameter.header(), v)));
        }
        if (entries.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        return Combinators.combine(entries).as(list -> {
            Map<String, Object> headers = new LinkedHashMap<>();
            list.stream().filter(e -> e.getValue() != null).forEach(e -> headers.put(e.getKey(), e.getValue()));
            return headers;
        });
    }

    private static Map.Entry<String, Object> entry(String header, Object value) {
        return new AbstractMap.SimpleEntry<>(header, value);
    }

    /** Ids and values: numbers of any length, path tricks, and text of any characters. */
    private static Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                Arbitraries.longs().greaterOrEqual(0).map(Object.class::cast),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40).map(Object.class::cast),
                Arbitraries.of("..", ".", "../../users", "1/../../users", "%2e%2e", "7?x=1", "7#frag", " 7 ", "",
                        "1;drop", "a&b=c", "+", "*", "~").map(Object.class::cast),
                Arbitraries.strings().all().ofMaxLength(12).map(Object.class::cast),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(16).map(Object.class::cast));
    }

    /** Bodies of every kind the producer takes, and some it must refuse. */
    private static Arbitrary<Object> bodies() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(10);
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), text)
                .ofMaxSize(3).map(Object.class::cast);
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                map,
                map.map(m -> (Object) Map.of("deal", m)),
                map.map(m -> (Object) List.of(m)),
                Arbitraries.integers().map(Object.class::cast),
                text.map(t -> (Object) ("{\"title\":" + quote(t) + "}")),
                text.map(t -> (Object) ("{\"title\":\"x\"}" + t)),
                text.map(Object.class::cast));
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
