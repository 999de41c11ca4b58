// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConsumerConfiguration;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignRateLimitException;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignPageIterator;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignResponseReader;
import io.github.camelactivecampaign.component.activecampaign.consumer.FeedReader.Candidate;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Polls a feed (activities, tracking logs, contacts or deals) and delivers each new record once, in time order
 * (then id).
 * <p>
 * The cursor of a scope advances only after the exchange of a record completed successfully, and is kept in a
 * {@link StateRepository}: delivery is at-least-once, and with a persisted repository a restart resumes where the
 * last one stopped. What a feed selects and how its cursor moves is the feed's ({@link ActiveCampaignFeed}).
 */
public class ActiveCampaignConsumer extends ScheduledBatchPollingConsumer {

    private final ActiveCampaignEndpoint endpoint;
    private final ActiveCampaignFeed feed;
    private final ActiveCampaignConsumerConfiguration options;
    private final ActiveCampaignResponseReader responses;
    private StateRepository<String, String> state;
    /** Whether the repository is this consumer's own (in memory), to stop with it. */
    private boolean ownState;
    private CursorStore cursors;
    private FeedReader reader;

    public ActiveCampaignConsumer(ActiveCampaignEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.options = endpoint.getConsumerConfiguration();
        this.feed = feedOf(endpoint.getOperation().name(), options.isNewOnly());
        this.responses = endpoint.getResponseReader();
    }

    private static ActiveCampaignFeed feedOf(String operation, boolean newOnly) {
        return switch (operation) {
            case ActivitiesFeed.OPERATION -> new ActivitiesFeed();
            case TrackingLogsFeed.OPERATION -> new TrackingLogsFeed();
            case "contacts/list" -> newOnly ? new NewContactsFeed() : UpdatedRecordsFeed.contacts();
            case "deals/list" -> UpdatedRecordsFeed.deals();
            default -> throw new IllegalArgumentException("activecampaign:" + operation + " cannot be polled; the "
                                                          + "operations a consumer polls are " + FEEDS);
        };
    }

    /** The operations a consumer can poll, for messages. */
    public static final String FEEDS = "activecampaign:activities/list (alias activities), "
                                       + "activecampaign:contacts/trackingLogs (alias trackingLogs), "
                                       + "activecampaign:contacts/list, activecampaign:deals/list";

    @Override
    protected void doStart() throws Exception {
        ConsumerOptionsCheck.check(endpoint, feed);
        StateRepository<String, String> configured = endpoint.getConfiguration().getStateRepository();
        String file = endpoint.getConfiguration().getStateFile();
        ownState = configured == null && file == null;
        state = configured != null ? configured
                : file != null ? endpoint.getComponent().cursorFile(file)
                : new MemoryStateRepository();
        ServiceHelper.startService(state);
        cursors = new CursorStore(state,
                options.getCursorKey() != null ? options.getCursorKey() : defaultCursorKey(), endpoint.getObjectMapper());
        reader = new FeedReader(endpoint, feed, cursors);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownState) {
            ServiceHelper.stopService(state);
        }
    }

    /** The operation and the options that choose the records: another selection is another position. */
    private String defaultCursorKey() {
        Map<String, Object> selection = new TreeMap<>();
        for (ActiveCampaignParameter parameter : endpoint.getOperation().parameters()) {
            Object value = endpoint.operationOption(parameter);
            if (value != null) {
                selection.put(parameter.name(), value);
            }
        }
        selection.putAll(options.selection());
        StringBuilder key = new StringBuilder("activecampaign:").append(feed.operation());
        selection.forEach((name, value) -> key.append(';').append(name).append(':').append(value));
        return key.toString().replace("=", "%3D").replace("\n", "%0A").replace("\r", "%0D");
    }

    // ---- poll

    @Override
    public int poll() throws Exception {
        List<Candidate> candidates = reader.poll();
        candidates.sort(Comparator.comparing(Candidate::time, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(c -> numeric(c.id())).thenComparing(Candidate::id));
        forceConsumerAsReady();
        Queue<Object> queue = new LinkedList<>();
        int max = getMaxMessagesPerPoll();
        for (Candidate candidate : candidates) {
            if (max > 0 && queue.size() >= max) {
                break;
            }
            queue.add(candidate);
        }
        return queue.isEmpty() ? 0 : processBatch(queue);
    }

    // ---- delivery

    @Override
    public int processBatch(Queue<Object> candidates) throws Exception {
        if (options.isBatch()) {
            return deliverAsOne(candidates);
        }
        int total = candidates.size();
        int delivered = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Candidate candidate = (Candidate) candidates.poll();
            Exchange exchange = createExchange(candidate);
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (!deliver(exchange)) {
                break;
            }
            commit(candidate);
            delivered++;
        }
        pendingExchanges = 0;
        return delivered;
    }

    private int deliverAsOne(Queue<Object> candidates) throws Exception {
        List<Object> records = new ArrayList<>();
        List<Candidate> delivered = new ArrayList<>();
        for (Object candidate : candidates) {
            delivered.add((Candidate) candidate);
            records.add(convert(((Candidate) candidate).record()));
        }
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(records);
        exchange.getMessage().setHeader(ActiveCampaignConstants.OPERATION, feed.operation());
        exchange.setProperty(Exchange.BATCH_SIZE, records.size());
        if (!deliver(exchange)) {
            return 0;
        }
        for (Candidate candidate : delivered) {
            commit(candidate);
        }
        return delivered.size();
    }

    /** Runs the route for one exchange; false when it failed (the cursor then stays where it is). */
    private boolean deliver(Exchange exchange) throws Exception {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean failed = exchange.getException() != null || exchange.isRollbackOnly();
        if (failed) {
            getExceptionHandler().handleException("Delivering an ActiveCampaign " + feed.operation() + " record "
                                                  + "failed; it and the records after it are polled again",
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return !failed;
    }

    private Exchange createExchange(Candidate candidate) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(convert(candidate.record()));
        exchange.getMessage().setHeader(ActiveCampaignConstants.OPERATION, feed.operation());
        exchange.getMessage().setHeader(ActiveCampaignConstants.POLLED_ID, candidate.id());
        exchange.getMessage().setHeader(ActiveCampaignConstants.POLLED_TIME, candidate.time());
        if (!candidate.scope().isEmpty()) {
            exchange.getMessage().setHeader(ActiveCampaignConstants.POLLED_CONTACT_ID, candidate.scope());
        }
        return exchange;
    }

    private Object convert(Object record) {
        return responses.convertOne(record, endpoint.getOutputClass());
    }

    private void commit(Candidate candidate) throws Exception {
        ActiveCampaignCursor cursor = reader.cursor(candidate.scope());
        cursors.commit(candidate.scope(), feed.advance(cursor, candidate.time(), candidate.id()));
    }

    static long numeric(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
