// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponseMapper;
import io.github.camelactivecampaign.component.activecampaign.client.SmoothRateLimiter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls activities, tracking logs, contacts or deals and delivers each new record once, in time order (then id).
 * <p>
 * The cursor (time of the last delivered record + the ids delivered at that time) advances only after the
 * exchange of a record completed successfully, and is kept in a {@link StateRepository}: delivery is at-least-once,
 * and with a persisted repository a restart resumes where the last one stopped. The service's time filters are
 * coarse (a day), so each poll overlaps the previous one; the overlap is removed against the cursor.
 */
public class ActiveCampaignConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveCampaignConsumer.class);
    private static final int PAGE = 100;
    private static final String SINGLE_SCOPE = "";

    private final ActiveCampaignEndpoint endpoint;
    private final ActiveCampaignFeed feed;
    private final ActiveCampaignConfiguration configuration;
    private final ObjectMapper mapper = ActiveCampaignProducer.MAPPER;
    private final ActiveCampaignResponseMapper responses = new ActiveCampaignResponseMapper(mapper);
    private final Map<String, ActiveCampaignCursor> cursors = new HashMap<>();
    private final ZoneId zone;
    private StateRepository<String, String> state;
    private ActiveCampaignRateLimiter share;
    private String cursorKey;
    /** Fan-out: where the next poll starts in the contact set, so that a request budget reaches every contact. */
    private int nextContact;
    private int requestsThisPoll;

    /** A record found by a poll, not yet delivered. */
    record Candidate(String scope, Instant time, String id, Object record) {
    }

    public ActiveCampaignConsumer(ActiveCampaignEndpoint endpoint, Processor processor, ActiveCampaignFeed feed) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.feed = feed;
        this.configuration = endpoint.getConfiguration();
        this.zone = zone(configuration.getAccountTimeZone());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("accountTimeZone '" + id + "' is not a time zone; use a region id "
                                               + "such as America/New_York or UTC", e);
        }
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.getConsumerShare() <= 0 || configuration.getConsumerShare() > 1) {
            throw new IllegalArgumentException("consumerShare must be more than 0 and at most 1, was "
                                               + configuration.getConsumerShare());
        }
        if (configuration.getStateRepository() != null) {
            state = configuration.getStateRepository();
        } else if (configuration.getStateFile() != null) {
            state = FileStateRepository.fileStateRepository(new File(configuration.getStateFile()));
        } else {
            state = new MemoryStateRepository();
        }
        ServiceHelper.startService(state);
        share = new SmoothRateLimiter(configuration.getRateLimit() * configuration.getConsumerShare());
        cursorKey = configuration.getCursorKey() != null ? configuration.getCursorKey() : defaultCursorKey();
        if (cursorKey.contains("=") || cursorKey.contains("\n") || cursorKey.contains("\r")) {
            // FileStateRepository stores key=value lines
            throw new IllegalArgumentException("cursorKey must not contain '=' or line breaks, was '" + cursorKey + "'");
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (configuration.getStateRepository() == null) {
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
        put(selection, "contactId", configuration.getContactId());
        put(selection, "listId", configuration.getListId());
        put(selection, "tagId", configuration.getTagId());
        put(selection, "segmentId", configuration.getSegmentId());
        if (configuration.isUpdatedContacts()) {
            selection.put("updatedContacts", true);
        }
        if (configuration.isNewOnly()) {
            selection.put("newOnly", true);
        }
        StringBuilder key = new StringBuilder("activecampaign:").append(feed.operation());
        selection.forEach((name, value) -> key.append(';').append(name).append(':').append(value));
        return key.toString().replace("=", "%3D").replace("\n", "%0A").replace("\r", "%0D");
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    // ---- poll

    @Override
    protected int poll() throws Exception {
        requestsThisPoll = 0;
        List<Candidate> candidates = new ArrayList<>();
        boolean first = true;
        for (String scope : scopes()) {
            if (budgetSpent() && !first) {
                break;
            }
            // the first scope of a poll may overrun the budget so that every poll makes progress; a later scope
            // cut short by it is left whole for the next poll (its records may come in any order)
            List<Candidate> found = fetch(scope, first);
            if (found == null) {
                break;
            }
            candidates.addAll(found);
            nextContact++;
            first = false;
        }
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

    /** The contacts to poll (fan-out), starting where the last budget-limited poll stopped; or the single scope. */
    private List<String> scopes() throws Exception {
        if (!feed.isPerContact()) {
            return List.of(SINGLE_SCOPE);
        }
        if (configuration.getContactId() != null) {
            return List.of(configuration.getContactId());
        }
        List<String> contacts = fanOutContacts();
        if (contacts == null) {
            Object contact = operationOption(feed == ActiveCampaignFeed.ACTIVITIES ? "contact" : "id");
            return List.of(contact == null ? SINGLE_SCOPE : contact.toString());
        }
        if (contacts.isEmpty()) {
            return contacts;
        }
        int start = Math.floorMod(nextContact, contacts.size());
        nextContact = start;
        List<String> rotated = new ArrayList<>(contacts.subList(start, contacts.size()));
        rotated.addAll(contacts.subList(0, start));
        return rotated;
    }

    /** The contact ids of the list, tag, segment or recent updates to fan out over; null when not fanning out. */
    private List<String> fanOutContacts() throws Exception {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (configuration.getListId() != null) {
            query.put("listid", List.of(configuration.getListId()));
        } else if (configuration.getTagId() != null) {
            query.put("tagid", List.of(configuration.getTagId()));
        } else if (configuration.getSegmentId() != null) {
            query.put("segmentid", List.of(configuration.getSegmentId()));
        } else if (configuration.isUpdatedContacts()) {
            Instant since = cursor("#contacts").time();
            if (since != null) {
                query.put("filters[updated_after]", List.of(ActiveCampaignDates.filterDay(since, zone)));
            }
            commit("#contacts", ActiveCampaignCursor.at(Instant.now()));
        } else {
            return null;
        }
        query.put("orders[id]", List.of("ASC"));
        ActiveCampaignOperation contacts = ActiveCampaignCatalog.getInstance().find("contacts/list").orElseThrow();
        List<String> ids = new ArrayList<>();
        for (Object contact : pages(contacts, "", query, true)) {
            ids.add(String.valueOf(((Map<?, ?>) contact).get("id")));
        }
        return ids;
    }

    /** The new records of one scope, every page of them; null when the request budget cut it short. */
    private List<Candidate> fetch(String scope, boolean overBudgetAllowed) throws Exception {
        ActiveCampaignCursor cursor = cursor(scope);
        ActiveCampaignOperation operation = endpoint.getOperation();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (ActiveCampaignParameter parameter : operation.queryParams()) {
            Object value = endpoint.operationOption(parameter);
            if (value != null && !feed.manages(parameter.name())) {
                query.put(parameter.name(), List.of(value.toString()));
            }
        }
        endpoint.getRawQueryParameters().forEach((name, value) -> query.put(name, List.of(String.valueOf(value))));
        String pathId = "";
        switch (feed) {
            case ACTIVITIES -> {
                if (!scope.isEmpty()) {
                    query.put("contact", List.of(scope));
                }
                if (cursor.time() != null) {
                    query.put("after", List.of(ActiveCampaignDates.filterDay(cursor.time(), zone)));
                }
                query.put("orders[tstamp]", List.of("ASC"));
            }
            case TRACKING_LOGS -> {
                if (scope.isEmpty()) {
                    throw new IllegalArgumentException("The trackingLogs consumer needs contactId (or listId, tagId, "
                                                       + "segmentId, updatedContacts=true to fan out)");
                }
                pathId = scope;
            }
            case CONTACTS, DEALS -> {
                if (configuration.isNewOnly() && feed == ActiveCampaignFeed.CONTACTS) {
                    query.put("id_greater", List.of(String.valueOf(cursor.lastId())));
                    query.put("orders[id]", List.of("ASC"));
                } else if (cursor.time() != null) {
                    query.put("filters[updated_after]", List.of(ActiveCampaignDates.filterDay(cursor.time(), zone)));
                }
            }
            default -> throw new IllegalStateException(feed.name());
        }
        List<Object> records = pages(operation, pathId, query, overBudgetAllowed);
        if (records == null) {
            return null;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Object record : records) {
            if (!(record instanceof Map<?, ?> fields)) {
                continue;
            }
            String id = String.valueOf(fields.get("id"));
            if (configuration.isNewOnly() && feed == ActiveCampaignFeed.CONTACTS) {
                if (numeric(id) > cursor.lastId()) {
                    candidates.add(new Candidate(scope, null, id, record));
                }
                continue;
            }
            Instant time = time(fields, id);
            if (cursor.isNew(time, id)) {
                candidates.add(new Candidate(scope, time, id, record));
            }
        }
        return candidates;
    }

    /** Every record of every page of a list call; null when the request budget stopped it first. */
    private List<Object> pages(ActiveCampaignOperation operation, String pathId, Map<String, List<String>> query,
                               boolean overBudgetAllowed) throws Exception {
        List<Object> records = new ArrayList<>();
        String path = pathId.isEmpty() ? operation.path()
                : operation.path().replace("{" + operation.pathParams().get(0).name() + "}",
                        ActiveCampaignCall.encode(pathId));
        for (int offset = 0;; offset += PAGE) {
            if (budgetSpent() && !overBudgetAllowed) {
                return null;
            }
            Map<String, List<String>> page = new LinkedHashMap<>(query);
            page.put("limit", List.of(String.valueOf(PAGE)));
            if (offset > 0) {
                page.put("offset", List.of(String.valueOf(offset)));
            }
            awaitShare();
            requestsThisPoll++;
            ActiveCampaignCall call = new ActiveCampaignCall(operation, path, page, null, null);
            Object response = responses.body(operation.name(),
                    endpoint.getClient().execute(call.toRequest(endpoint.normalizedBaseUrl()),
                            endpoint.callPolicy()));
            List<?> found = ActiveCampaignResults.records(operation, response);
            records.addAll(found);
            if (found.size() < PAGE) {
                break;
            }
        }
        return records;
    }

    /** The consumer's own share of the account's rate: it waits as long as needed, a poll has no caller waiting. */
    private void awaitShare() throws InterruptedException {
        share.acquire(Duration.ofDays(1));
    }

    private boolean budgetSpent() {
        int budget = configuration.getRequestsPerPoll();
        return budget > 0 && requestsThisPoll >= budget;
    }

    private Instant time(Map<?, ?> record, String id) {
        Object value = record.get(feed.timeField());
        if ((value == null || "".equals(value)) && feed.fallbackTimeField() != null) {
            value = record.get(feed.fallbackTimeField());
        }
        try {
            Instant time = ActiveCampaignDates.parse(value == null ? null : value.toString(), zone);
            if (time == null) {
                LOG.warn("{} record {} has no date ({}); it is delivered once, outside the time order",
                        feed.operation(), id, value);
            }
            return time;
        } catch (DateTimeParseException e) {
            LOG.warn("{} record {} has an unreadable date '{}'; it is delivered once, outside the time order",
                    feed.operation(), id, value);
            return null;
        }
    }

    // ---- delivery

    @Override
    public int processBatch(Queue<Object> candidates) throws Exception {
        if (configuration.isBatch()) {
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
            commit(candidate.scope(), advance(cursor(candidate.scope()), candidate));
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
            commit(candidate.scope(), advance(cursor(candidate.scope()), candidate));
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
        return ActiveCampaignResults.convertOne(mapper, record, configuration.getOutputClass());
    }

    private ActiveCampaignCursor advance(ActiveCampaignCursor cursor, Candidate candidate) {
        if (configuration.isNewOnly() && feed == ActiveCampaignFeed.CONTACTS) {
            return cursor.afterId(candidate.id());
        }
        return cursor.after(candidate.time(), candidate.id());
    }

    // ---- cursor

    private ActiveCampaignCursor cursor(String scope) throws Exception {
        ActiveCampaignCursor cursor = cursors.get(scope);
        if (cursor == null) {
            String stored = state.getState(key(scope));
            cursor = stored != null ? ActiveCampaignCursor.fromJson(mapper, stored) : start(scope);
            cursors.put(scope, cursor);
        }
        return cursor;
    }

    /** The position of a consumer that has none stored yet (startFrom). */
    private ActiveCampaignCursor start(String scope) throws Exception {
        String startFrom = configuration.getStartFrom() == null ? "now" : configuration.getStartFrom().strip();
        if (configuration.isNewOnly() && feed == ActiveCampaignFeed.CONTACTS) {
            return ActiveCampaignCursor.afterId("beginning".equalsIgnoreCase(startFrom) ? 0 : newestContactId());
        }
        if ("now".equalsIgnoreCase(startFrom) || scope.startsWith("#")) {
            return ActiveCampaignCursor.at(Instant.now());
        }
        if ("beginning".equalsIgnoreCase(startFrom)) {
            return ActiveCampaignCursor.at(null);
        }
        try {
            return ActiveCampaignCursor.at(Instant.parse(startFrom));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("startFrom must be now, beginning or an ISO-8601 instant such as "
                                               + "2024-01-01T00:00:00Z, was '" + startFrom + "'", e);
        }
    }

    private long newestContactId() throws Exception {
        ActiveCampaignOperation contacts = endpoint.getOperation();
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("orders[id]", List.of("DESC"));
        query.put("limit", List.of("1"));
        awaitShare();
        Object response = responses.body(contacts.name(), endpoint.getClient().execute(
                new ActiveCampaignCall(contacts, contacts.path(), query, null, null)
                        .toRequest(endpoint.normalizedBaseUrl()), endpoint.callPolicy()));
        List<?> newest = ActiveCampaignResults.records(contacts, response);
        return newest.isEmpty() ? 0 : numeric(String.valueOf(((Map<?, ?>) newest.get(0)).get("id")));
    }

    private void commit(String scope, ActiveCampaignCursor cursor) {
        cursors.put(scope, cursor);
        state.setState(key(scope), cursor.toJson(mapper));
    }

    private String key(String scope) {
        return scope.isEmpty() ? cursorKey : cursorKey + "#" + scope;
    }

    private Object operationOption(String name) {
        return endpoint.getOperation().parameter(name).map(endpoint::operationOption).orElse(null);
    }

    private static long numeric(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
