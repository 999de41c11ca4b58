// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;

/**
 * Every record of a list operation, one page in memory at a time: the next page is fetched only when the last
 * record of the current one has been taken. Offset paging, except contacts/list, which pages by
 * {@code orders[id]=ASC} and {@code id_greater} so that records added or removed meanwhile do not shift pages.
 */
final class ActiveCampaignPageIterator implements Iterator<Object> {

    static final String CONTACTS_LIST = "contacts/list";

    private final ActiveCampaignOperation operation;
    private final ActiveCampaignCall firstCall;
    private final Function<ActiveCampaignCall, Object> fetch;
    private final Function<Object, Object> convert;
    private final int pageSize;
    private Iterator<?> page;
    private int pageLength;
    private long offset;
    private Object lastId;
    private boolean lastPage;

    ActiveCampaignPageIterator(ActiveCampaignCall firstCall, Object firstResponse, int pageSize,
                               Function<ActiveCampaignCall, Object> fetch, Function<Object, Object> convert) {
        this.operation = firstCall.operation();
        this.firstCall = firstCall;
        this.fetch = fetch;
        this.convert = convert;
        this.pageSize = pageSize;
        accept(firstResponse);
    }

    /** The query of the first page, given the user's own query. */
    static ActiveCampaignCall firstPage(ActiveCampaignCall call, int pageSize) {
        if (CONTACTS_LIST.equals(call.operation().name())) {
            return call.withQuery(Map.of("orders[id]", List.of("ASC"), "limit", List.of(String.valueOf(pageSize))));
        }
        return call.withQuery(Map.of("limit", List.of(String.valueOf(pageSize))));
    }

    private void accept(Object response) {
        List<?> records = ActiveCampaignResults.records(operation, response);
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
            accept(fetch.apply(nextCall()));
        }
        return true;
    }

    private ActiveCampaignCall nextCall() {
        if (CONTACTS_LIST.equals(operation.name()) && lastId != null) {
            return firstCall.withQuery(Map.of("id_greater", List.of(String.valueOf(lastId))));
        }
        long start = offset;
        List<String> userOffset = firstCall.query().get("offset");
        if (userOffset != null) {
            start += Long.parseLong(userOffset.get(0));
        }
        return firstCall.withQuery(Map.of("offset", List.of(String.valueOf(start))));
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more " + operation.resultKey());
        }
        return convert.apply(page.next());
    }
}
