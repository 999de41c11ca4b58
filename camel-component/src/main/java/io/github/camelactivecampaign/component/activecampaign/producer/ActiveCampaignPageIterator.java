// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;

/**
 * Every record of a list operation, one page in memory at a time: the next page is fetched only when the last
 * record of the current one has been taken. Offset paging, except contacts/list, which pages by
 * {@code orders[id]=ASC} and {@code id_greater} so that records added or removed meanwhile do not shift pages.
 */
public final class ActiveCampaignPageIterator implements Iterator<Object> {

    static final String CONTACTS_LIST = "contacts/list";

    private final ActiveCampaignOperation operation;
    private final ActiveCampaignRequest firstRequest;
    private final Function<ActiveCampaignRequest, Object> fetch;
    private final Function<Object, Object> convert;
    private final int pageSize;
    private Iterator<?> page;
    private int pageLength;
    private long offset;
    private Object lastId;
    private boolean lastPage;

    /**
     * @param operation     the list operation
     * @param firstRequest     the request of the first page ({@link #firstPage})
     * @param firstResponse its parsed response
     * @param fetch         sends a request and answers its parsed response
     * @param convert       turns a record into what the iterator hands out
     */
    public ActiveCampaignPageIterator(ActiveCampaignOperation operation, ActiveCampaignRequest firstRequest,
                                      Object firstResponse, int pageSize, Function<ActiveCampaignRequest, Object> fetch,
                                      Function<Object, Object> convert) {
        this.operation = operation;
        this.firstRequest = firstRequest;
        this.fetch = fetch;
        this.convert = convert;
        this.pageSize = pageSize;
        accept(firstResponse);
    }

    /** The query of the first page, given the user's own query. */
    public static ActiveCampaignRequest firstPage(ActiveCampaignRequest request, int pageSize) {
        if (CONTACTS_LIST.equals(request.operation())) {
            return request.withQuery(Map.of("orders[id]", List.of("ASC"), "limit", List.of(String.valueOf(pageSize))));
        }
        return request.withQuery(Map.of("limit", List.of(String.valueOf(pageSize))));
    }

    private void accept(Object response) {
        List<?> records = ActiveCampaignResponseReader.records(operation, response);
        page = records.iterator();
        pageLength = records.size();
        lastPage = records.size() < pageSize;
        if (!records.isEmpty() && records.get(records.size() - 1) instanceof Map<?, ?> last) {
            lastId = last.get("id");
        }
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext()) {
            if (lastPage) {
                return false;
            }
            offset += pageLength;
            accept(fetch.apply(nextRequest()));
        }
        return true;
    }

    private ActiveCampaignRequest nextRequest() {
        if (CONTACTS_LIST.equals(operation.name()) && lastId != null) {
            return firstRequest.withQuery(Map.of("id_greater", List.of(String.valueOf(lastId))));
        }
        long start = offset;
        String userOffset = firstRequest.queryValue("offset");
        if (userOffset != null) {
            start += Long.parseLong(userOffset);
        }
        return firstRequest.withQuery(Map.of("offset", List.of(String.valueOf(start))));
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more " + operation.resultKey());
        }
        return convert.apply(page.next());
    }
}
