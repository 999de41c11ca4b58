// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * <p>
 * The last page is the one that reaches {@code meta.total} (where the service reports it), comes back short, or
 * reaches the most records asked for: no request is spent on an empty page when the records fill the last page
 * exactly, unless the service gives no total.
 */
public final class ActiveCampaignPageIterator implements Iterator<Object> {

    static final String CONTACTS_LIST = "contacts/list";
    /** The page the service answers when no limit is asked for. */
    static final int DEFAULT_PAGE = 20;
    /** No cap on the records: every page is read. */
    public static final long ALL_RECORDS = Long.MAX_VALUE;

    private final ActiveCampaignOperation operation;
    private final ActiveCampaignRequest firstRequest;
    private final Function<ActiveCampaignRequest, Object> fetch;
    private final Function<Object, Object> convert;
    private final int pageSize;
    private final long maxRecords;
    /** The user's own offset, where the records start. */
    private final long startOffset;
    private Iterator<?> page;
    /** Records received so far. */
    private long received;
    private Object lastId;
    private boolean lastPage;

    /**
     * Every record, with no cap.
     *
     * @param operation     the list operation
     * @param firstRequest  the request of the first page ({@link #firstPage})
     * @param firstResponse its parsed response
     * @param fetch         sends a request and answers its parsed response
     * @param convert       turns a record into what the iterator hands out
     */
    public ActiveCampaignPageIterator(ActiveCampaignOperation operation, ActiveCampaignRequest firstRequest,
                                      Object firstResponse, int pageSize, Function<ActiveCampaignRequest, Object> fetch,
                                      Function<Object, Object> convert) {
        this(operation, firstRequest, firstResponse, pageSize, ALL_RECORDS, fetch, convert);
    }

    /**
     * At most {@code maxRecords} records ({@link #ALL_RECORDS} for every one); the first request must have been
     * made by {@link #firstPage(ActiveCampaignRequest, int, long)} with the same cap.
     */
    public ActiveCampaignPageIterator(ActiveCampaignOperation operation, ActiveCampaignRequest firstRequest,
                                      Object firstResponse, int pageSize, long maxRecords,
                                      Function<ActiveCampaignRequest, Object> fetch, Function<Object, Object> convert) {
        this.operation = operation;
        this.firstRequest = firstRequest;
        this.fetch = fetch;
        this.convert = convert;
        this.pageSize = pageSize;
        this.maxRecords = maxRecords;
        String userOffset = firstRequest.queryValue("offset");
        this.startOffset = userOffset == null ? 0 : Long.parseLong(userOffset.strip());
        accept(firstResponse, startOffset, limitOf(firstRequest));
    }

    /** The query of the first page, given the user's own query. */
    public static ActiveCampaignRequest firstPage(ActiveCampaignRequest request, int pageSize) {
        return firstPage(request, pageSize, ALL_RECORDS);
    }

    /** The query of the first page of at most {@code maxRecords} records, given the user's own query. */
    public static ActiveCampaignRequest firstPage(ActiveCampaignRequest request, int pageSize, long maxRecords) {
        String limit = String.valueOf(Math.min(pageSize, maxRecords));
        if (CONTACTS_LIST.equals(request.operation())) {
            return request.withQuery(Map.of("orders[id]", List.of("ASC"), "limit", List.of(limit)));
        }
        return request.withQuery(Map.of("limit", List.of(limit)));
    }

    /**
     * Takes a page.
     *
     * @param from  the position of the page's first record among the records the page's query selects (a query
     *              by {@code id_greater} selects only those after the previous page)
     * @param asked the records the page was asked for
     */
    private void accept(Object response, long from, long asked) {
        List<?> records = ActiveCampaignResponseReader.records(operation, response);
        if (records.size() > maxRecords - received) {
            records = records.subList(0, (int) (maxRecords - received));
        }
        page = records.iterator();
        received += records.size();
        Long total = ActiveCampaignResponseReader.total(response);
        lastPage = records.size() < asked || received >= maxRecords
                   || total != null && from + records.size() >= total;
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
            long asked = Math.min(pageSize, maxRecords - received);
            if (CONTACTS_LIST.equals(operation.name()) && lastId != null) {
                // the records after the last one seen, from the first of them (the user's offset applied once)
                Map<String, List<String>> next = new LinkedHashMap<>();
                next.put("id_greater", List.of(String.valueOf(lastId)));
                next.put("limit", List.of(String.valueOf(asked)));
                if (firstRequest.queryValue("offset") != null) {
                    next.put("offset", List.of("0"));
                }
                accept(fetch.apply(firstRequest.withQuery(next)), 0, asked);
            } else {
                long from = startOffset + received;
                accept(fetch.apply(firstRequest.withQuery(Map.of("offset", List.of(String.valueOf(from)),
                        "limit", List.of(String.valueOf(asked))))), from, asked);
            }
        }
        return true;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more " + operation.resultKey());
        }
        return convert.apply(page.next());
    }

    /**
     * The offset of the page after the one a request got, or null when that was the last: by {@code meta.total}
     * where the service gives it, else a full page is taken to have more after it.
     */
    public static Long nextOffset(ActiveCampaignOperation operation, ActiveCampaignRequest request, Object response) {
        int records = ActiveCampaignResponseReader.records(operation, response).size();
        String offsetValue = request.queryValue("offset");
        long offset = offsetValue == null ? 0 : Long.parseLong(offsetValue.strip());
        Long total = ActiveCampaignResponseReader.total(response);
        boolean more = total != null ? offset + records < total : records > 0 && records >= limitOf(request);
        return more ? offset + records : null;
    }

    /** The records a request asks for: its limit, else the service's default page of 20. */
    static long limitOf(ActiveCampaignRequest request) {
        String limit = request.queryValue("limit");
        return limit == null ? DEFAULT_PAGE : Long.parseLong(limit.strip());
    }
}
