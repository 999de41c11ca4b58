// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.bulk;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.BaseStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code activecampaign:import/bulkImport}: imports any number of contacts in batches, at the bulk import's limits.
 * <ul>
 * <li>A body holding many contacts (a List or any Iterable, an Iterator, a Stream, an array, a JSON array, or the
 * request shape {@code {"contacts": [...]}}) is imported whole, read one contact at a time; the body becomes the
 * {@link BulkImportSummary}.</li>
 * <li>A body holding one contact (a Map, a JsonNode, a JSON object, an email, the Contact model, a POJO) joins the
 * producer's open import, e.g. from {@code split(...).streaming()}: batches go out as they fill, or when no contact
 * came for bulkFlushTimeout. The message that ends the split ({@code CamelSplitComplete}) or carries the header
 * {@code CamelActiveCampaignBulkFlush=true} ends the import and gets the summary.</li>
 * </ul>
 * Batches are sent by bulkConcurrency threads while the caller's thread fills the next one; the caller waits when
 * they are all busy (within the call limits), so a route feeding contacts faster than they can be sent is slowed
 * down, and memory stays at a few batches.
 */
public class BulkImportProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(BulkImportProducer.class);

    private final ActiveCampaignEndpoint endpoint;
    private final ActiveCampaignBulkImportConfiguration configuration;
    private BulkImportContext context;
    private ProducerTemplate template;
    private ScheduledExecutorService flusher;
    private ExecutorService sender;
    /** The import fed one contact per message, while open. */
    private BulkImportRun open;
    private long lastContactNanos;

    public BulkImportProducer(ActiveCampaignEndpoint endpoint, ActiveCampaignBulkImportConfiguration configuration) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = configuration;
    }

    /** Whether an operation is the bulk import this producer sends. */
    public static boolean handles(String operation) {
        return BulkImportRun.OPERATION.equals(operation);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configuration.validate();
        String progressUri = configuration.getBulkProgressEndpoint();
        if (progressUri != null && !progressUri.isBlank()) {
            template = getEndpoint().getCamelContext().createProducerTemplate();
            template.start();
        }
        sender = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "ActiveCampaignBulkImport", configuration.getBulkConcurrency());
        String account = endpoint.getConfiguration().getBaseUrl().strip() + '\n' + endpoint.getConfiguration().getApiKey();
        context = new BulkImportContext(endpoint, configuration,
                BulkImportLimiter.forAccount(account, configuration.getBulkCallsPerWindow(),
                        configuration.getBulkSingleCallsPerWindow(), Duration.ofMillis(configuration.getBulkWindow())),
                new BulkContactConverter(endpoint.getObjectMapper(), configuration.isBulkExcludeAutomations() ? Boolean.TRUE : null),
                new BulkImportProgressPublisher(configuration.isBulkLogProgress(), template, progressUri), sender);
        long period = Math.max(1, configuration.getBulkFlushTimeout() / 2);
        flusher = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "ActiveCampaignBulkImportFlush");
        flusher.scheduleWithFixedDelay(this::flushIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (flusher != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(flusher);
            flusher = null;
        }
        synchronized (this) {
            if (open != null) {
                // the contacts fed so far are sent; the summary goes to the log and the progress endpoint
                try {
                    open.finish();
                } catch (RuntimeException e) {
                    LOG.warn("The last contacts of the bulk import could not be sent on stop: {}", e.getMessage());
                }
                open = null;
            }
        }
        if (sender != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(sender);
            sender = null;
        }
        if (template != null) {
            template.stop();
            template = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        Object contacts = contactsOf(body);
        if (contacts != null) {
            message.setBody(importAll(contacts, total(contacts, message)));
        } else {
            feed(exchange, body);
        }
    }

    private BulkImportSummary importAll(Object contacts, long total) throws Exception {
        BulkImportRun run = new BulkImportRun(context, total);
        Iterator<?> iterator = iterator(contacts);
        try {
            while (iterator.hasNext()) {
                run.add(iterator.next());
            }
        } finally {
            if (contacts instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        return run.finish();
    }

    /** One contact for the open import; the message that ends the import gets its summary. */
    private synchronized void feed(Exchange exchange, Object contact) {
        if (open == null) {
            Long total = exchange.getMessage().getHeader(ActiveCampaignConstants.BULK_TOTAL, Long.class);
            open = new BulkImportRun(context, total == null ? -1 : total);
        }
        lastContactNanos = System.nanoTime();
        try {
            open.add(contact);
        } finally {
            boolean end = exchange.getProperty(ExchangePropertyKey.SPLIT_COMPLETE, false, Boolean.class)
                          || exchange.getMessage().getHeader(ActiveCampaignConstants.BULK_FLUSH, false, Boolean.class);
            if (end) {
                BulkImportRun run = open;
                open = null;
                exchange.getMessage().setBody(run.finish());
            }
        }
    }

    /** Sends the open import's batch when no contact came for bulkFlushTimeout. */
    private synchronized void flushIdle() {
        if (open != null && System.nanoTime() - lastContactNanos >= configuration.getBulkFlushTimeout() * 1_000_000) {
            try {
                open.flush();
            } catch (RuntimeException e) {
                LOG.warn("A bulk import batch could not be sent: {}", e.getMessage());
            }
        }
    }

    /** The contacts of a body that holds many, or null when it holds one. */
    private Object contactsOf(Object body) {
        if (body instanceof Map<?, ?> map) {
            Object contacts = map.get("contacts");
            return contacts instanceof Iterable<?> || contacts instanceof JsonNode node && node.isArray()
                    ? contacts : null;
        }
        if (body instanceof JsonNode node) {
            return node.isArray() ? node : node.path("contacts").isArray() ? node.get("contacts") : null;
        }
        if (body instanceof CharSequence text) {
            String trimmed = text.toString().strip();
            if (trimmed.startsWith("[") || trimmed.startsWith("{") && trimmed.contains("\"contacts\"")) {
                try {
                    return contactsOf(endpoint.getObjectMapper().readTree(trimmed));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("The bulk import's body is not valid JSON: "
                                                       + e.getOriginalMessage());
                }
            }
            return null;
        }
        if (body == null) {
            throw new IllegalArgumentException("The bulk import's body is empty: send contacts (a List, Iterator, "
                                               + "Stream or array of Maps, POJOs or Contacts) or one contact");
        }
        return body instanceof Iterable<?> || body instanceof Iterator<?> || body instanceof BaseStream<?, ?>
               || body.getClass().isArray() ? body : null;
    }

    private static Iterator<?> iterator(Object contacts) {
        if (contacts instanceof Iterable<?> iterable) {
            return iterable.iterator();
        }
        if (contacts instanceof Iterator<?> iterator) {
            return iterator;
        }
        if (contacts instanceof BaseStream<?, ?> stream) {
            return stream.iterator();
        }
        if (contacts instanceof Object[] array) {
            return Arrays.asList(array).iterator();
        }
        int length = Array.getLength(contacts);
        return java.util.stream.IntStream.range(0, length).mapToObj(i -> Array.get(contacts, i)).iterator();
    }

    /** The number of contacts, when the input knows it or the message says. */
    private static long total(Object contacts, Message message) {
        if (contacts instanceof Collection<?> collection) {
            return collection.size();
        }
        if (contacts instanceof JsonNode node) {
            return node.size();
        }
        if (contacts.getClass().isArray()) {
            return Array.getLength(contacts);
        }
        Long total = message.getHeader(ActiveCampaignConstants.BULK_TOTAL, Long.class);
        return total == null ? -1 : total;
    }
}
