// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.producer;

import java.util.function.Function;

import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignConstants;
import io.github.camelactivecampaign.component.activecampaign.ActiveCampaignEndpoint;
import io.github.camelactivecampaign.component.activecampaign.catalog.ActiveCampaignOperation;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignRequest;
import io.github.camelactivecampaign.component.activecampaign.client.ActiveCampaignResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Executes the endpoint's operation on the caller's thread: the HTTP client blocks, so handing the call to another
 * thread would only add a hand-off per call. Bad input fails before any I/O.
 * <p>
 * A list operation answers one page, with {@link ActiveCampaignConstants#MORE_PAGES} saying whether more exist;
 * with {@code paginate=true} it answers a lazy iterator over every page, {@code pageSize} records a request, at most
 * {@code limit} records in all when a limit is given.
 */
public class ActiveCampaignProducer extends DefaultProducer {

    private final ActiveCampaignEndpoint endpoint;
    private final ActiveCampaignOperation operation;
    private final ActiveCampaignResponseReader responses;
    private ActiveCampaignRequestBuilder requests;
    private boolean paginate;
    private int pageSize;
    private Class<?> outputClass;
    private Function<Object, Object> convertRecord;

    public ActiveCampaignProducer(ActiveCampaignEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.operation = endpoint.getOperation();
        this.responses = endpoint.getResponseReader();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the endpoint's options are fixed by now: validate and resolve them once
        requests = new ActiveCampaignRequestBuilder(endpoint, endpoint.getObjectMapper());
        paginate = operation.list() && endpoint.isPaginate();
        pageSize = endpoint.getConfiguration().getPageSize();
        outputClass = endpoint.getOutputClass();
        convertRecord = record -> responses.convertOne(record, outputClass);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        ActiveCampaignRequest request = requests.build(message);
        if (paginate) {
            // the user's limit caps the records of all pages; each page asks for pageSize of them
            long maxRecords = request.queryValue("limit") == null ? ActiveCampaignPageIterator.ALL_RECORDS
                    : ActiveCampaignPageIterator.limitOf(request);
            ActiveCampaignRequest first = ActiveCampaignPageIterator.firstPage(request, pageSize, maxRecords);
            Object body = call(message, first);
            message.setBody(new ActiveCampaignPageIterator(operation, first, body, pageSize, maxRecords,
                    endpoint::call, convertRecord));
            return;
        }
        Object body = call(message, request);
        if (operation.list()) {
            Long next = ActiveCampaignPageIterator.nextOffset(operation, request, body);
            message.setHeader(ActiveCampaignConstants.MORE_PAGES, next != null);
            if (next != null) {
                message.setHeader(ActiveCampaignConstants.NEXT_OFFSET, next);
            } else {
                message.removeHeader(ActiveCampaignConstants.NEXT_OFFSET);
            }
        }
        message.setBody(responses.convert(operation, body, outputClass));
    }

    /** Sends the request, sets the headers of its answer and returns the parsed body. */
    private Object call(Message message, ActiveCampaignRequest request) {
        ActiveCampaignResponse response = endpoint.send(request);
        Object body = responses.body(operation.name(), response);
        ActiveCampaignResponseReader.setHeaders(message, operation.name(), response, body);
        return body;
    }
}
