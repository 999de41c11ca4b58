// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConsumerConfiguration;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignRateLimitException;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignCatalog;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignParameter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.internal.BucketRateLimiter;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignPageIterator;
import io.github.camelactivecampaign.component.activecampaign.producer.ActiveCampaignResponseReader;

/**
 * Finds what a poll delivers: the scopes (contacts) of the feed, every page of each through the producer's pager,
 * the records after each scope's cursor; within the poll's request budget and the consumer's share of the
 * account's rate.
 */
final class FeedReader {

    static final int PAGE = 100;
    static final String SINGLE_SCOPE = "";

    /** A record found by a poll, not yet delivered. */
    record Candidate(String scope, Instant time, String id, Object record) {
    }

    /** The request budget of this poll is spent: a scope cut short is left whole for the next poll. */
    static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    private final ActiveCampaignEndpoint endpoint;
    private final ActiveCampaignFeed feed;
    private final ActiveCampaignConsumerConfiguration options;
    private final ContactFanOut fanOut;
    private final CursorStore cursors;
    private final ActiveCampaignRateLimiter share;
    private int requestsThisPoll;

    FeedReader(ActiveCampaignEndpoint endpoint, ActiveCampaignFeed feed, CursorStore cursors) {
        this.endpoint = endpoint;
        this.feed = feed;
        this.options = endpoint.getConsumerConfiguration();
        this.fanOut = new ContactFanOut(options, endpoint.getAccountZone());
        this.cursors = cursors;
        // the consumer's share of whatever limits the account, so that producers of the account keep the rest
        ActiveCampaignRateLimiter account = endpoint.getRateLimiter();
        this.share = account == null || Double.isInfinite(account.permitsPerSecond()) ? null
                : BucketRateLimiter.share(account.permitsPerSecond() * endpoint.getConfiguration().getConsumerShare());
    }

    /** The new records of the scopes this poll reaches, in no particular order. */
    List<Candidate> poll() throws Exception {
        requestsThisPoll = 0;
        List<Candidate> candidates = new ArrayList<>();
        boolean first = true;
        for (String scope : scopes()) {
            if (budgetSpent() && !first) {
                break;
            }
            // the first scope of a poll may overrun the budget so that every poll makes progress; a later scope
            // cut short by it is left whole for the next poll (its records may come in any order)
            try {
                candidates.addAll(fetch(scope, first));
            } catch (BudgetSpent e) {
                break;
            }
            fanOut.advance();
            first = false;
        }
        return candidates;
    }

    /** The cursor of a scope, stored or where a new consumer starts. */
    ActiveCampaignCursor cursor(String scope) throws Exception {
        return cursors.get(scope, () -> start(scope));
    }

    /** The contacts to poll (fan-out), or the single scope of the feed. */
    private List<String> scopes() throws Exception {
        if (!feed.isPerContact()) {
            return List.of(SINGLE_SCOPE);
        }
        if (options.getContactId() != null) {
            return List.of(options.getContactId());
        }
        if (fanOut.isFanningOut()) {
            ActiveCampaignOperation contacts = ActiveCampaignCatalog.getInstance().find("contacts/list").orElseThrow();
            return fanOut.contacts(query -> pages(contacts, null, query, true), cursors);
        }
        Object contact = operationOption(feed instanceof ActivitiesFeed ? "contact" : "id");
        if (contact == null && feed instanceof TrackingLogsFeed) {
            throw new IllegalArgumentException("The trackingLogs consumer needs contactId (or listId, tagId, "
                                               + "segmentId, updatedContacts=true to fan out)");
        }
        return List.of(contact == null ? SINGLE_SCOPE : contact.toString());
    }

    /** The new records of one scope, every page of them. */
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
        String pathId = feed.select(query, scope, cursor, endpoint.getAccountZone());
        List<Candidate> candidates = new ArrayList<>();
        for (Object record : pages(operation, pathId, query, overBudgetAllowed)) {
            if (record instanceof Map<?, ?> fields) {
                String id = String.valueOf(fields.get("id"));
                Instant time = feed.time(fields, id, endpoint.getAccountZone());
                if (feed.isNew(cursor, time, id)) {
                    candidates.add(new Candidate(scope, time, id, record));
                }
            }
        }
        return candidates;
    }

    /** Every record of every page of a list call, through the producer's pager; within the poll's budget. */
    private List<Object> pages(ActiveCampaignOperation operation, String pathId, Map<String, List<String>> query,
                               boolean overBudgetAllowed) {
        String path = pathId == null ? operation.path()
                : operation.path().replace("{" + operation.pathParams().get(0).name() + "}",
                        ActiveCampaignRequest.encode(pathId));
        ActiveCampaignRequest first = ActiveCampaignPageIterator.firstPage(
                new ActiveCampaignRequest(operation.name(), operation.method(), path, query, null, null), PAGE);
        ActiveCampaignPageIterator records = new ActiveCampaignPageIterator(operation, first,
                fetchPage(first, overBudgetAllowed), PAGE, next -> fetchPage(next, overBudgetAllowed), r -> r);
        List<Object> all = new ArrayList<>();
        records.forEachRemaining(all::add);
        return all;
    }

    private Object fetchPage(ActiveCampaignRequest request, boolean overBudgetAllowed) {
        if (budgetSpent() && !overBudgetAllowed) {
            throw new BudgetSpent();
        }
        awaitShare(request.operation());
        requestsThisPoll++;
        return endpoint.call(request);
    }

    /** Waits for the consumer's share of the account's rate, as long as any request may wait for the account. */
    private void awaitShare(String operation) {
        if (share == null) {
            return;
        }
        Duration maxWait = Duration.ofMillis(endpoint.getConfiguration().getMaxRateLimitWait());
        try {
            if (!share.acquire(maxWait)) {
                throw new ActiveCampaignRateLimitException("The consumer's share of the account's rate limit "
                                                           + "(consumerShare) would have made " + operation + " wait "
                                                           + "more than " + maxWait.toMillis() + " ms "
                                                           + "(maxRateLimitWait); the poll stops and the next one "
                                                           + "continues", operation);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActiveCampaignRateLimitException("The poll of " + operation + " was interrupted while "
                                                       + "waiting for its share of the account's rate limit",
                    operation);
        }
    }

    private boolean budgetSpent() {
        int budget = options.getRequestsPerPoll();
        return budget > 0 && requestsThisPoll >= budget;
    }

    /** The position of a consumer that has none stored yet (startFrom). */
    private ActiveCampaignCursor start(String scope) {
        String startFrom = options.getStartFrom() == null ? "now" : options.getStartFrom().strip();
        if (feed instanceof NewContactsFeed) {
            return ActiveCampaignCursor.afterId("beginning".equalsIgnoreCase(startFrom) ? 0 : newestContactId());
        }
        return ActiveCampaignCursor.at(ConsumerOptionsCheck.startFrom(startFrom));
    }

    private long newestContactId() {
        ActiveCampaignOperation contacts = endpoint.getOperation();
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("orders[id]", List.of("DESC"));
        query.put("limit", List.of("1"));
        awaitShare(contacts.name());
        Object response = endpoint.call(new ActiveCampaignRequest(contacts.name(), contacts.method(), contacts.path(),
                query, null, null));
        List<?> newest = ActiveCampaignResponseReader.records(contacts, response);
        return newest.isEmpty() ? 0 : ActiveCampaignConsumer.numeric(String.valueOf(((Map<?, ?>) newest.get(0)).get("id")));
    }

    private Object operationOption(String name) {
        return endpoint.getOperation().parameter(name).map(endpoint::operationOption).orElse(null);
    }

}
